/** JSON shapes the emulator speaks: a faithful subset of the Bot API's objects, loosely typed on purpose. */

export type JsonObject = Record<string, unknown>;

export type TgUser = { id: number; is_bot: boolean; first_name: string; last_name?: string; username?: string; language_code?: string };

export type TgChat = { id: number; type: "private" | "group" | "supergroup"; first_name?: string; username?: string; title?: string; is_forum?: boolean };

export type InlineButton = { text: string; callback_data?: string; url?: string };
export type InlineKeyboard = { inline_keyboard: InlineButton[][] };

/** A message as stored in a chat's history (what the bot sent or a user wrote). */
export type TgMessage = JsonObject & {
  message_id: number;
  chat: TgChat;
  from?: TgUser;
  date: number;
  text?: string;
  caption?: string;
  message_thread_id?: number;
  is_topic_message?: boolean;
  reply_markup?: InlineKeyboard;
  edit_date?: number;
};

/** What the bot sent to one chat, in the order it arrived, with its later edits applied. */
export type SentMessage = {
  messageId: number;
  method: string;
  text?: string;
  caption?: string;
  threadId?: number;
  replyMarkup?: InlineKeyboard;
  /** For copyMessage: where the copy came from. */
  copiedFrom?: { chatId: number; messageId: number };
  /** For sendPhoto / sendDocument: the file id sent. */
  fileId?: string;
  /** For sendPhoto by URL: the picture's address. */
  photoUrl?: string;
  edits: string[];
  message: TgMessage;
};

export type ApiCall = { method: string; params: JsonObject; ok: boolean; errorCode?: number; at: number };

export type StoredFile = {
  fileId: string;
  fileUniqueId: string;
  filePath: string;
  bytes: Buffer;
  /** Reported by getFile; may exceed bytes.length to emulate big files without allocating them. */
  size: number;
};

export type Topic = { chatId: number; threadId: number; name: string; deleted: boolean };

export type ApiFailure = { error_code: number; description: string; parameters?: { retry_after?: number } };

export type FailureRule = {
  /** Method name, or "*" for any method that sends a message. */
  method: string;
  chatId?: number;
  failure: ApiFailure;
  /** Calls left to fail. */
  remaining: number;
  /** Fail every n-th matching call (1 = every call). */
  every: number;
  seen: number;
};
