import { publishMessageUpdated } from "@/lib/realtime/publish.ts";
import { publishTicketChange, type TicketChange } from "@/lib/tickets/publish-ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { notifyOutbox } from "./outbox/outbox-signal.ts";

/** What handling one update changed, published only after its transaction committed. */
export type TelegramEffects = {
  created: TicketChange[];
  changed: TicketChange[];
  updatedMessages: MessageDto[];
  /** Something was queued for Telegram: wake the sender. */
  queued: boolean;
};

export function emptyEffects(): TelegramEffects {
  return { created: [], changed: [], updatedMessages: [], queued: false };
}

export function publishEffects(storeId: string, effects: TelegramEffects): void {
  for (const change of effects.created) publishTicketChange(storeId, change, { created: true });
  for (const change of effects.changed) publishTicketChange(storeId, change);
  for (const message of effects.updatedMessages) publishMessageUpdated(storeId, message);
  if (effects.queued) notifyOutbox();
}
