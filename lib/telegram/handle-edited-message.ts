import type { Message } from "telegraf/types";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import { messageDtoSelect, toMessageDto } from "@/lib/tickets/ticket-dto.ts";
import { appendCustomerMessageInTx, telegramExternalId } from "./append-customer-message.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { messageContent } from "./message-content.ts";
import { findTelegramIdentity, intakeDone, saveIntakeStateInTx } from "./telegram-identity.ts";

type EditVersion = { body: string; attachments: unknown; editedAt: string };

function history(value: unknown): EditVersion[] {
  return Array.isArray(value) ? (value as EditVersion[]) : [];
}

/**
 * A customer edited a message. The stored message takes the new text (or caption) and keeps every
 * earlier version in editHistory, newest last, with when it was replaced; the thread shows
 * "edited". An edit older than what is stored (a late redelivery) changes nothing. An edit of a
 * message Tern never stored joins the thread as an edited message.
 */
export async function handleEditedMessage(input: { settings: TelegramSettings; message: Message; now?: Date }): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const chatId = String(message.chat.id);
  const now = input.now ?? new Date();
  const editDate = "edit_date" in message && typeof message.edit_date === "number" ? new Date(message.edit_date * 1000) : now;
  const content = messageContent(message);

  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const externalId = telegramExternalId(chatId, message.message_id);
    const stored = await tx.message.findUnique({
      where: { storeId_channel_externalId: { storeId, channel: "TELEGRAM", externalId } },
      select: { id: true, body: true, attachments: true, editHistory: true, editedAt: true },
    });
    if (stored) {
      // Telegram dates edits to the whole second: an edit of the same second as the stored one is a
      // later edit (updates come in order), not a stale one. Only an older edit is a late redelivery.
      if (stored.editedAt && stored.editedAt > editDate) return;
      if (stored.body === content.body && JSON.stringify(stored.attachments) === JSON.stringify(content.attachments)) return;
      const versions = [...history(stored.editHistory), { body: stored.body, attachments: stored.attachments, editedAt: editDate.toISOString() }];
      const row = await tx.message.update({
        where: { id: stored.id },
        data: {
          body: content.body,
          attachments: content.attachments as unknown as Prisma.InputJsonArray,
          editHistory: versions as unknown as Prisma.InputJsonArray,
          editedAt: editDate,
        },
        select: messageDtoSelect,
      });
      effects.updatedMessages.push(toMessageDto(row));
      return;
    }

    const identity = await findTelegramIdentity(tx, storeId, chatId);
    if (!identity) return;
    const pendingIndex = identity.intake?.pending.findIndex((pending) => pending.message_id === message.message_id) ?? -1;
    if (identity.intake && pendingIndex >= 0) {
      // Not in a ticket yet: the ticket will open with the edited text.
      const pending = identity.intake.pending.map((entry, index) => (index === pendingIndex ? message : entry));
      await saveIntakeStateInTx(tx, identity.id, { ...identity.intake, pending });
      return;
    }
    if (!intakeDone(identity) || ("text" in message && message.text.startsWith("/"))) return;
    const open = await findOpenTicketInTx(tx, storeId, identity.customer.id, identity.id);
    if (!open) return;
    const change = await appendCustomerMessageInTx(tx, { storeId, ticketId: open.id, message, chatIdentityId: identity.id, staffChatId: settings.staffChatId, now });
    if (change) effects.changed.push(change);
    effects.queued ||= Boolean(change && settings.staffChatId);
  });
}
