import type { Db } from "@/lib/db/client.ts";
import type { DomainEvent, DomainEventSubscriber } from "@/lib/domain-events/domain-event.ts";
import { enqueueCsatQuestion } from "./csat/enqueue-csat-question.ts";
import { notifyOutbox } from "./outbox/outbox-signal.ts";

function queuedForTelegram(event: DomainEvent): boolean {
  return event.type === "delivery.queued" || (event.type === "message.added" && event.data.queuedForTelegram === true);
}

/**
 * Telegram's reactions to committed ticket changes: something queued for Telegram wakes the
 * sender at once instead of at its next poll, and a ticket that entered Resolved asks its
 * Telegram customer for a rating (a question that could not be queued is tried again).
 */
export function telegramSubscriber(db: Db, log: (line: string) => void): DomainEventSubscriber {
  return {
    name: "telegram",
    deliver: async (events) => {
      if (events.some(queuedForTelegram)) notifyOutbox();
      const retry: bigint[] = [];
      for (const event of events) {
        if (event.type !== "ticket.resolved" || !event.ticketId) continue;
        try {
          await enqueueCsatQuestion(db, event.storeId, event.ticketId);
        } catch (error) {
          log(`telegram: could not queue the CSAT question for ticket ${event.ticketId}: ${error instanceof Error ? error.message : String(error)}`);
          retry.push(event.id);
        }
      }
      return retry;
    },
  };
}
