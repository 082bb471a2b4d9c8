import type { Tx } from "@/lib/db/client.ts";
import type { NewDomainEvent } from "@/lib/domain-events/domain-event.ts";
import { recordDomainEventsInTx } from "@/lib/domain-events/record-domain-events.ts";
import { messagesUpdatedEvents, ticketChangeEvents, type TicketChange } from "@/lib/tickets/ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";

/**
 * What handling one update changed, gathered while its chat transaction runs and written as
 * domain events before it commits (chat-transaction.ts), in one statement.
 */
export type TelegramEffects = {
  created: TicketChange[];
  changed: TicketChange[];
  updatedMessages: MessageDto[];
  /** Something was queued for Telegram outside the thread (a bot reply, a staff-chat copy): wake the sender. */
  queued: boolean;
};

export function emptyEffects(): TelegramEffects {
  return { created: [], changed: [], updatedMessages: [], queued: false };
}

export function effectEvents(storeId: string, effects: TelegramEffects): NewDomainEvent[] {
  return [
    ...effects.created.flatMap((change) => ticketChangeEvents(storeId, change.ticket.id, change.messages, { created: true })),
    ...effects.changed.flatMap((change) => ticketChangeEvents(storeId, change.ticket.id, change.messages)),
    ...messagesUpdatedEvents(storeId, effects.updatedMessages),
    ...(effects.queued ? [{ storeId, type: "delivery.queued", ticketId: null } satisfies NewDomainEvent] : []),
  ];
}

export async function recordEffectsInTx(tx: Tx, storeId: string, effects: TelegramEffects): Promise<void> {
  await recordDomainEventsInTx(tx, effectEvents(storeId, effects));
}
