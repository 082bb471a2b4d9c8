import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import { db, type Db } from "@/lib/db/client.ts";
import { publishMessageCreated } from "@/lib/realtime/publish.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import type { TicketChange } from "@/lib/tickets/publish-ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { addBotMessageInTx } from "../add-bot-message.ts";
import { replies } from "../bot-replies.ts";
import { notifyOutbox } from "../outbox/outbox-signal.ts";

function enteredResolved(change: TicketChange): boolean {
  return change.messages.some((message) => {
    const meta = message.meta as { type?: unknown; to?: unknown } | null;
    return message.kind === "ACTIVITY" && meta?.type === "status" && meta.to === "RESOLVED";
  });
}

/**
 * Queues the satisfaction question (1–5 buttons) for a resolved ticket whose customer writes on
 * Telegram: once per resolution, and not after they already rated it. Null when nothing to ask.
 */
export async function enqueueCsatQuestion(client: Db, storeId: string, ticketId: string): Promise<MessageDto | null> {
  const question = await client.$transaction(async (tx) => {
    await lockTicket(tx, storeId, ticketId);
    const ticket = await tx.ticket.findFirst({
      where: { id: ticketId, storeId },
      select: { number: true, status: true, customerId: true, resolvedAt: true, csatResponse: { select: { id: true } } },
    });
    if (!ticket || ticket.status !== "RESOLVED" || !ticket.customerId || ticket.csatResponse) return null;
    const identity = await conversationChatInTx(tx, storeId, ticketId);
    if (!identity) return null;
    const asked = await tx.message.findFirst({
      where: { storeId, ticketId, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" }, ...(ticket.resolvedAt ? { createdAt: { gte: ticket.resolvedAt } } : {}) },
      select: { id: true },
    });
    if (asked) return null;
    return addBotMessageInTx(tx, { storeId, ticketId, body: replies.csatQuestion(ticket.number), meta: { type: "csat" } });
  }, TICKET_TX_OPTIONS);
  if (question) {
    publishMessageCreated(storeId, question);
    notifyOutbox();
  }
  return question;
}

/**
 * The after-commit hook (called from publishTicketChange): a change that moved the ticket into
 * Resolved queues the CSAT question. Fire and forget: the status change is already committed and
 * must not fail because the question could not be queued.
 */
export function askCsatAfterResolve(storeId: string, change: TicketChange): void {
  if (!change.ticket.customer || !enteredResolved(change)) return;
  void enqueueCsatQuestion(db(), storeId, change.ticket.id).catch((error: unknown) => {
    console.error(`[telegram] could not queue the CSAT question for ticket ${change.ticket.id}: ${error instanceof Error ? error.message : String(error)}`);
  });
}
