import type { Tx } from "@/lib/db/client.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { replies } from "../bot-replies.ts";
import { inChatTransaction } from "../chat-transaction.ts";
import { findTelegramIdentity } from "../telegram-identity.ts";

export type CsatAnswer = { recorded: boolean; text: string };

async function ticketOfCustomer(tx: Tx, storeId: string, ticketId: string, customerId: string) {
  if (!isUuid(ticketId)) return null;
  return tx.ticket.findFirst({ where: { id: ticketId, storeId, customerId }, select: { id: true, status: true, assigneeId: true } });
}

/**
 * A customer's tap on a CSAT button. The button's data comes from the customer's client, so it
 * is checked: the ticket must be this chat's customer's, in this store, and resolved or closed.
 * A second tap replaces the score. The thread gets an activity entry with the score.
 */
export async function recordCsatResponse(input: { storeId: string; chatId: string; ticketId: string; score: number; now?: Date }): Promise<CsatAnswer> {
  const { storeId, chatId, ticketId, score } = input;
  const now = input.now ?? new Date();
  if (!Number.isInteger(score) || score < 1 || score > 5) return { recorded: false, text: replies.csatClosed() };
  return inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await findTelegramIdentity(tx, storeId, chatId);
    const ticket = identity ? await ticketOfCustomer(tx, storeId, ticketId, identity.customer.id) : null;
    if (!ticket || (ticket.status !== "RESOLVED" && ticket.status !== "CLOSED")) return { recorded: false, text: replies.csatClosed() };
    await lockTicket(tx, storeId, ticket.id);
    await tx.csatResponse.upsert({
      where: { ticketId: ticket.id },
      create: { storeId, ticketId: ticket.id, score, agentId: ticket.assigneeId, respondedAt: now },
      update: { score, respondedAt: now },
      select: { id: true },
    });
    const activity = await createActivityInTx(tx, {
      storeId,
      ticketId: ticket.id,
      actorId: null,
      body: `The customer rated this request ${score}/5`,
      meta: { type: "csat", score },
    });
    const row = await tx.ticket.findFirstOrThrow({ where: { id: ticket.id, storeId }, select: ticketDtoSelect });
    effects.changed.push({ ticket: toTicketDto(row), messages: [activity] });
    return { recorded: true, text: replies.csatThanks(score) };
  });
}
