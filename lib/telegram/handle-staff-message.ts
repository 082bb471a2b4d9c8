import type { Message } from "telegraf/types";
import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { addReplyInTx } from "@/lib/tickets/add-reply.ts";
import { replies } from "./bot-replies.ts";
import { looksLikeStaffLinkCode, redeemStaffLinkCodeInTx } from "./staff-link-code.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { enqueueDeliveriesInTx } from "./enqueue-delivery.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { describeContent, messageContent } from "./message-content.ts";
import type { TelegramEffects } from "./telegram-effects.ts";

const IAM = /^\/iam(?:@\w+)?(?:\s+(\S+))?\s*$/i;

function threadOf(message: Message): number | undefined {
  return "message_thread_id" in message && typeof message.message_thread_id === "number" ? message.message_thread_id : undefined;
}

async function sayInStaffChat(tx: Tx, effects: TelegramEffects, settings: TelegramSettings, text: string, threadId: number | undefined): Promise<void> {
  effects.queued = true;
  await enqueueDeliveriesInTx(tx, settings.storeId, [{ chatId: settings.staffChatId!, payload: { type: "text", text, ...(threadId !== undefined ? { threadId } : {}) } }]);
}

/**
 * "/iam <code>": this Telegram account answers as the Tern user who was shown the code (Settings →
 * Telegram, valid 10 minutes, once). Anyone in the group could type a colleague's email, and did
 * become them: an email is no proof, a code only its user has seen is.
 */
async function linkStaffMember(tx: Tx, effects: TelegramEffects, settings: TelegramSettings, message: Message, code: string | undefined, now: Date): Promise<void> {
  const { storeId } = settings;
  if (!code || !looksLikeStaffLinkCode(code)) return sayInStaffChat(tx, effects, settings, replies.staffUseCode(), threadOf(message));
  const user = await redeemStaffLinkCodeInTx(tx, { storeId, code, now });
  if (!user) return sayInStaffChat(tx, effects, settings, replies.staffBadCode(), threadOf(message));
  const telegramUserId = BigInt(message.from!.id);
  // One Telegram account per user and per store: free it from whoever had it before.
  await tx.user.updateMany({ where: { storeId, telegramUserId, NOT: { id: user.id } }, data: { telegramUserId: null } });
  await tx.user.update({ where: { id: user.id }, data: { telegramUserId }, select: { id: true } });
  await tx.auditLog.create({ data: { storeId, actorId: user.id, action: "user.telegram_linked", targetType: "User", targetId: user.id, detail: { telegramUserId: String(telegramUserId) } } });
  await sayInStaffChat(tx, effects, settings, replies.staffLinked(user.name), threadOf(message));
}

/**
 * A message in the store's staff forum. In a ticket's topic, a linked staff member's message goes to
 * the customer as their reply (text as is; photos and files copied). Everything else in the
 * group, and anything from bots (including Tern's own copies), is left alone.
 */
export async function handleStaffMessage(input: { settings: TelegramSettings; message: Message; now?: Date }): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const staffChatId = settings.staffChatId;
  if (!staffChatId || !message.from || message.from.is_bot) return;
  const content = messageContent(message);
  const iam = IAM.exec(content.body);
  const threadId = threadOf(message);

  await inChatTransaction(storeId, staffChatId, async (tx, effects) => {
    if (iam) return linkStaffMember(tx, effects, settings, message, iam[1], input.now ?? new Date());
    if (threadId === undefined || !("is_topic_message" in message) || !message.is_topic_message) return;
    const ticket = await tx.ticket.findFirst({ where: { storeId, telegramTopicId: threadId }, select: { id: true, number: true, status: true } });
    if (!ticket) return;
    const externalId = `${staffChatId}:${message.message_id}`;
    const seen = await tx.message.findUnique({ where: { storeId_channel_externalId: { storeId, channel: "TELEGRAM", externalId } }, select: { id: true } });
    if (seen) return;
    const user = await tx.user.findFirst({ where: { storeId, telegramUserId: BigInt(message.from!.id), disabledAt: null }, select: { id: true } });
    if (!user) return sayInStaffChat(tx, effects, settings, replies.staffUnknown(), threadId);
    if (ticket.status === "CLOSED") return sayInStaffChat(tx, effects, settings, replies.staffTicketClosed(ticket.number), threadId);

    const hasFile = content.attachments.some((attachment) => "fileId" in attachment);
    const result = await addReplyInTx(tx, { storeId, ticketId: ticket.id, body: describeContent(content), actorId: user.id });
    // Marked as written in the topic: the sender copies files from it and does not mirror it back there.
    const meta: Prisma.InputJsonObject = { type: "reply", source: "telegram-topic", ...(hasFile ? { telegramCopy: { fromChatId: staffChatId, messageId: message.message_id } } : {}) };
    await tx.message.update({
      where: { id: result.reply.id },
      data: { externalId, meta, attachments: content.attachments as unknown as Prisma.InputJsonArray },
      select: { id: true },
    });
    const reply = { ...result.reply, meta, attachments: content.attachments };
    effects.changed.push({ ticket: result.ticket, messages: result.messages.map((entry) => (entry.id === reply.id ? reply : entry)) });
    effects.queued = true;
  });
}
