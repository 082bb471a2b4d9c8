import { conversationChatInTx } from "@/lib/tickets/conversation-chat.ts";
import type { Db } from "@/lib/db/client.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { recordMessagesAddedInTx } from "@/lib/tickets/ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { TICKET_TX_OPTIONS } from "@/lib/tickets/transaction-options.ts";
import { addBotMessageInTx } from "../add-bot-message.ts";
import { replies } from "../bot-replies.ts";

/**
 * Queues the satisfaction question (1–5 buttons) for a resolved ticket whose customer writes on
 * Telegram: once per resolution, and not after they already rated it. Null when nothing to ask.
 * Called for each ticket.resolved event (telegram-subscriber.ts): at least once, hence the checks.
 * Not asked when the customer resolved it themselves with a knowledge-base article: their "Yes"
 * was the verdict, a rating question right after it would ask twice, and CSAT measures the
 * team's answers (it is kept per agent), which this conversation never needed.
 */
export async function enqueueCsatQuestion(client: Db, storeId: string, ticketId: string): Promise<MessageDto | null> {
  return client.$transaction(async (tx) => {
    await lockTicket(tx, storeId, ticketId);
    const ticket = await tx.ticket.findFirst({
      where: { id: ticketId, storeId },
      select: { number: true, status: true, customerId: true, resolvedAt: true, selfServiceResolvedAt: true, csatResponse: { select: { id: true } } },
    });
    if (!ticket || ticket.status !== "RESOLVED" || !ticket.customerId || ticket.csatResponse || ticket.selfServiceResolvedAt) return null;
    const identity = await conversationChatInTx(tx, storeId, ticketId);
    if (!identity) return null;
    const asked = await tx.message.findFirst({
      where: { storeId, ticketId, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" }, ...(ticket.resolvedAt ? { createdAt: { gte: ticket.resolvedAt } } : {}) },
      select: { id: true },
    });
    if (asked) return null;
    const question = await addBotMessageInTx(tx, { storeId, ticketId, body: replies.csatQuestion(ticket.number), meta: { type: "csat" } });
    await recordMessagesAddedInTx(tx, storeId, [question]);
    return question;
  }, TICKET_TX_OPTIONS);
}
