import { sayInChatInTx } from "../say-in-chat.ts";
import { noteSelfServiceFailureInTx, type SelfServiceKind } from "./record-self-service.ts";
import { describeFailure, inSelfServiceTransaction, type SelfServiceChat } from "./self-service-access.ts";
import { clearPromptInTx } from "./self-service-state.ts";

/** Says one thing to a self-service chat, dropping the question the bot was waiting on when asked to. */
export async function sayToSelfServiceChat(chat: SelfServiceChat, text: string, options: { clearPrompt?: boolean } = {}): Promise<void> {
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    if (options.clearPrompt) await clearPromptInTx(tx, identity.id);
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, text);
  });
}

/**
 * A BigCommerce call of a self-service step failed: the step's question is dropped, the thread
 * gets a note for agents, and the customer is told plainly (`refused`: what to say when
 * BigCommerce refused the input itself, by one of `refusedStatuses`).
 */
export async function reportSelfServiceFailure(
  chat: SelfServiceChat,
  error: unknown,
  input: { kind: SelfServiceKind; what: string; refused: string; refusedStatuses: readonly number[] },
): Promise<void> {
  const failure = describeFailure(error);
  await inSelfServiceTransaction(chat, async (tx, effects, identity) => {
    await clearPromptInTx(tx, identity.id);
    await noteSelfServiceFailureInTx(tx, effects, { storeId: chat.settings.storeId, identity, kind: input.kind, thread: `${input.what}. ${failure.note}` });
    const refused = failure.status !== null && input.refusedStatuses.includes(failure.status);
    await sayInChatInTx(tx, effects, chat.settings.storeId, chat.chatId, refused ? input.refused : failure.customer);
  });
}
