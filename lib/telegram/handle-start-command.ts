import type { Message } from "telegraf/types";
import { reasonKeyboard, replies } from "./bot-replies.ts";
import { inChatTransaction } from "./chat-transaction.ts";
import { findOpenTicketInTx } from "./find-open-ticket.ts";
import type { TelegramSettings } from "./load-telegram-settings.ts";
import { markChatUnblockedInTx } from "./mark-chat-unblocked.ts";
import { sayInChatInTx } from "./say-in-chat.ts";
import { ensureTelegramIdentityInTx, intakeDone, saveIntakeStateInTx } from "./telegram-identity.ts";

/**
 * /start: greets and asks what the customer needs (reason buttons) and for an order number or
 * email. A customer Tern already knows is welcomed back to their open request instead.
 */
export async function handleStartCommand(input: { settings: TelegramSettings; message: Message; now?: Date }): Promise<void> {
  const { settings, message } = input;
  const { storeId } = settings;
  const chatId = String(message.chat.id);
  const now = input.now ?? new Date();
  await inChatTransaction(storeId, chatId, async (tx, effects) => {
    const identity = await ensureTelegramIdentityInTx(tx, storeId, chatId, message.from);
    await markChatUnblockedInTx(tx, effects, storeId, identity, now);
    const firstName = message.from?.first_name;
    if (intakeDone(identity)) {
      const open = await findOpenTicketInTx(tx, storeId, identity.customer.id);
      await sayInChatInTx(tx, effects, storeId, chatId, replies.welcomeBack(firstName, open?.number ?? null), open ? undefined : reasonKeyboard());
      return;
    }
    await sayInChatInTx(tx, effects, storeId, chatId, replies.greeting(settings.storeName, firstName), reasonKeyboard());
    await saveIntakeStateInTx(tx, identity.id, identity.intake ?? { step: "awaiting_identifier", pending: [], reminders: 0 });
  });
}
