import type { ChatMemberUpdated } from "telegraf/types";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { ticketDtoSelect, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import { holdChatDeliveriesInTx } from "./hold-chat-deliveries.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { markChatUnblockedInTx } from "./mark-chat-unblocked.ts";
import { ensureTelegramIdentityInTx } from "./telegram-identity.ts";

// Said once: the held replies carry their own reason (hold-chat-deliveries.ts).
const BLOCKED_ACTIVITY = "The customer blocked the bot on Telegram: replies are held until they unblock it.";

/**
 * my_chat_member in a private chat: the customer blocked ("kicked") or unblocked the bot. Blocking
 * marks the identity, holds what is queued for them with the reason, and notes it in their open
 * ticket; unblocking releases it. Membership changes in groups are not about a customer.
 */
export async function handleChatMemberUpdate(input: { settings: TelegramSettings; update: ChatMemberUpdated }): Promise<void> {
  const { settings, update } = input;
  if (update.chat.type !== "private") return;
  const status = update.new_chat_member.status;
  if (status !== "kicked" && status !== "member") return;
  const { storeId } = settings;
  const chatId = String(update.chat.id);
  const at = new Date(update.date * 1000);

  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, update.from);
    if (status === "kicked") {
      if (identity.blockedAt && identity.blockedAt >= at) return;
      await tx.channelIdentity.update({ where: { id: identity.id }, data: { blockedAt: at }, select: { id: true } });
      effects.updatedMessages.push(...(await holdChatDeliveriesInTx(tx, storeId, chatId)));
    } else {
      // An unblock older than the block we hold is a late redelivery.
      if (!identity.blockedAt || identity.blockedAt > at) return;
      await markChatUnblockedInTx(tx, effects, storeId, identity, at);
    }
    const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
    if (!open) return;
    const activity = await createActivityInTx(tx, {
      storeId,
      ticketId: open.id,
      actorId: null,
      body: status === "kicked" ? BLOCKED_ACTIVITY : "The customer unblocked the bot on Telegram: held replies are being sent.",
      meta: { type: "telegram", event: status === "kicked" ? "blocked" : "unblocked" },
    });
    const ticket = await tx.ticket.findFirstOrThrow({ where: { id: open.id, storeId }, select: ticketDtoSelect });
    effects.changed.push({ ticket: toTicketDto(ticket), messages: [activity] });
  });
}
