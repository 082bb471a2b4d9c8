import type { Telegraf } from "telegraf";
import type { Db } from "@/lib/db/client.ts";

const TOPIC_NAME_LIMIT = 128;

function topicName(ticket: { number: number; subject: string; customer: { name: string | null } | null }): string {
  const name = `#${ticket.number}${ticket.customer?.name ? ` ${ticket.customer.name}` : ""} — ${ticket.subject}`;
  return name.length > TOPIC_NAME_LIMIT ? `${name.slice(0, TOPIC_NAME_LIMIT - 1)}…` : name;
}

/**
 * The forum topic mirroring a ticket in the staff chat, created on first use. Only the sender
 * calls this, one staff-chat delivery at a time, so two topics are never made for one ticket.
 * Null when the ticket is gone.
 */
export async function ensureTicketTopic(db: Db, bot: Telegraf, input: { storeId: string; ticketId: string; staffChatId: string }): Promise<number | null> {
  const ticket = await db.ticket.findFirst({
    where: { id: input.ticketId, storeId: input.storeId },
    select: { telegramTopicId: true, number: true, subject: true, customer: { select: { name: true } } },
  });
  if (!ticket) return null;
  if (ticket.telegramTopicId !== null) return ticket.telegramTopicId;
  const topic = await bot.telegram.createForumTopic(input.staffChatId, topicName(ticket));
  await db.ticket.updateMany({ where: { id: input.ticketId, storeId: input.storeId, telegramTopicId: null }, data: { telegramTopicId: topic.message_thread_id } });
  return topic.message_thread_id;
}
