import { publishMessageCreated, publishTicketCreated, publishTicketUpdated } from "@/lib/realtime/publish.ts";
import { telegramAfterTicketCommit } from "@/lib/telegram/after-ticket-commit.ts";
import type { MessageDto, TicketDto } from "./ticket-dto.ts";

/** What one committed ticket write produced: the ticket as it now is and the thread entries it added, in order. */
export type TicketChange = { ticket: TicketDto; messages: MessageDto[] };

/** Call only after the transaction committed: a rolled-back change must never reach an inbox. */
export function publishTicketChange(storeId: string, change: TicketChange, options: { created?: boolean } = {}): void {
  if (options.created) publishTicketCreated(storeId, change.ticket);
  else publishTicketUpdated(storeId, change.ticket);
  for (const message of change.messages) publishMessageCreated(storeId, message);
  // After-commit hook: wakes the Telegram sender for queued replies; a newly Resolved ticket asks for a CSAT rating.
  telegramAfterTicketCommit(storeId, change);
}
