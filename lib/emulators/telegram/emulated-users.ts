import { randomBytes } from "node:crypto";
import type { EmulatedBot } from "./emulated-bot.ts";
import type { JsonObject, SentMessage, TgChat, TgMessage, TgUser, Topic } from "./emulator-types.ts";
import { DEMO_PHOTOS, type DemoPhoto } from "./demo-photos.ts";

/** A person writing to the bot in a private chat; every action becomes an update for the bot. */
export type EmulatedCustomer = {
  chatId: number;
  user: TgUser;
  sendText: (text: string) => TgMessage;
  /** `/start`, `/status 100`, … with the bot_command entity Telegram adds (Telegraf matches on it). */
  sendCommand: (command: string, args?: string) => TgMessage;
  /** A demo photo (the first one by default); `bytes` replaces its large size (tests' payloads). */
  sendPhoto: (options?: { caption?: string; photo?: DemoPhoto; bytes?: Buffer; size?: number }) => TgMessage;
  sendDocument: (options: { fileName: string; mimeType: string; bytes?: Buffer; caption?: string; size?: number }) => TgMessage;
  sendVoice: (options?: { duration?: number; bytes?: Buffer }) => TgMessage;
  sendVideo: (options?: { caption?: string; bytes?: Buffer }) => TgMessage;
  sendSticker: (options?: { emoji?: string }) => TgMessage;
  sendLocation: (latitude: number, longitude: number) => TgMessage;
  sendContact: (phoneNumber: string, firstName: string) => TgMessage;
  /** `editDate` (unix seconds, default now): Telegram dates edits to the second, so quick edits share one. */
  editText: (messageId: number, text: string, options?: { editDate?: number }) => TgMessage;
  /** Presses the inline button whose text or callback data matches, on the bot's latest message that has it. */
  pressButton: (match: string) => { callbackQueryId: string; data: string };
  block: () => void;
  unblock: () => void;
  /** What the bot sent to this chat, in order. */
  received: () => SentMessage[];
};

export type EmulatedStaffMember = {
  user: TgUser;
  sendText: (text: string, options: { threadId?: number }) => TgMessage;
  sendPhoto: (options: { threadId?: number; caption?: string; bytes?: Buffer }) => TgMessage;
};

/** A forum supergroup the bot is an admin of (the store's staff chat). */
export type EmulatedStaffGroup = {
  chatId: number;
  member: (userId: number, firstName: string) => EmulatedStaffMember;
  topics: () => Topic[];
  deleteTopic: (threadId: number) => void;
  received: () => SentMessage[];
};

const DEFAULT_PHOTO = DEMO_PHOTOS[0]!;

function messageUpdate(message: TgMessage): JsonObject {
  return { message };
}

export function createEmulatedCustomer(bot: EmulatedBot, chatId: number, profile: { firstName?: string; username?: string } = {}): EmulatedCustomer {
  const user: TgUser = { id: chatId, is_bot: false, first_name: profile.firstName ?? `Customer ${chatId}`, language_code: "en", ...(profile.username ? { username: profile.username } : {}) };
  const chat: TgChat = { id: chatId, type: "private", first_name: user.first_name, ...(user.username ? { username: user.username } : {}) };
  bot.ensureChat(chat);

  const write = (content: JsonObject): TgMessage => {
    const message = bot.addUserMessage(chat, user, content);
    bot.pushUpdate(messageUpdate(message));
    return message;
  };
  const file = (folder: string, bytes: Buffer, fileName?: string, size?: number) => bot.addFile({ bytes, folder, fileName, size });

  return {
    chatId,
    user,
    sendText: (text) => write({ text }),
    sendCommand: (command, args) => {
      const head = `/${command.replace(/^\//, "")}`;
      return write({ text: args ? `${head} ${args}` : head, entities: [{ type: "bot_command", offset: 0, length: head.length }] });
    },
    sendPhoto: (options = {}) => {
      const picture = options.photo ?? DEFAULT_PHOTO;
      const big = file("photos", options.bytes ?? picture.photo, `file_${randomBytes(3).toString("hex")}.jpg`, options.size);
      const small = file("photos", picture.thumb, `thumb_${randomBytes(3).toString("hex")}.jpg`);
      const photo = [
        { file_id: small.fileId, file_unique_id: small.fileUniqueId, width: 90, height: 67, file_size: small.size },
        { file_id: big.fileId, file_unique_id: big.fileUniqueId, width: picture.width, height: picture.height, file_size: big.size },
      ];
      return write({ photo, ...(options.caption ? { caption: options.caption } : {}) });
    },
    sendDocument: (options) => {
      const stored = file("documents", options.bytes ?? Buffer.from(`contents of ${options.fileName}`), options.fileName, options.size);
      const document = { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, file_name: options.fileName, mime_type: options.mimeType, file_size: stored.size };
      return write({ document, ...(options.caption ? { caption: options.caption } : {}) });
    },
    sendVoice: (options = {}) => {
      const stored = file("voice", options.bytes ?? Buffer.from("OggS-voice"), `file_${randomBytes(3).toString("hex")}.oga`);
      return write({ voice: { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, duration: options.duration ?? 3, mime_type: "audio/ogg", file_size: stored.size } });
    },
    sendVideo: (options = {}) => {
      const stored = file("videos", options.bytes ?? Buffer.from("mp4-video"), `file_${randomBytes(3).toString("hex")}.mp4`);
      const video = { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, width: 640, height: 360, duration: 5, mime_type: "video/mp4", file_size: stored.size };
      return write({ video, ...(options.caption ? { caption: options.caption } : {}) });
    },
    sendSticker: (options = {}) => {
      const stored = file("stickers", Buffer.from("webp-sticker"), `file_${randomBytes(3).toString("hex")}.webp`);
      const sticker = { file_id: stored.fileId, file_unique_id: stored.fileUniqueId, type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: options.emoji ?? "👍", file_size: stored.size };
      return write({ sticker });
    },
    sendLocation: (latitude, longitude) => write({ location: { latitude, longitude } }),
    sendContact: (phoneNumber, firstName) => write({ contact: { phone_number: phoneNumber, first_name: firstName, user_id: chatId } }),
    editText: (messageId, text, options = {}) => {
      const original = bot.findMessage(chatId, messageId);
      if (!original) throw new Error(`No message ${messageId} in chat ${chatId}`);
      original.text = text;
      original.edit_date = options.editDate ?? Math.floor(Date.now() / 1000);
      bot.pushUpdate({ edited_message: { ...original } });
      return original;
    },
    pressButton: (match) => {
      const sent = bot.sentTo(chatId).reverse();
      for (const entry of sent) {
        const button = entry.replyMarkup?.inline_keyboard.flat().find((candidate) => candidate.text === match || candidate.callback_data === match);
        if (!button?.callback_data) continue;
        const callbackQueryId = randomBytes(8).toString("hex");
        bot.pushUpdate({
          callback_query: { id: callbackQueryId, from: user, message: entry.message, chat_instance: String(chatId), data: button.callback_data },
        });
        return { callbackQueryId, data: button.callback_data };
      }
      throw new Error(`No button "${match}" in what the bot sent to chat ${chatId}`);
    },
    block: () => {
      bot.setBlocked(chatId, true);
      bot.pushUpdate({
        my_chat_member: {
          chat,
          from: user,
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: bot.user, status: "member" },
          new_chat_member: { user: bot.user, status: "kicked", until_date: 0 },
        },
      });
    },
    unblock: () => {
      bot.setBlocked(chatId, false);
      bot.pushUpdate({
        my_chat_member: {
          chat,
          from: user,
          date: Math.floor(Date.now() / 1000),
          old_chat_member: { user: bot.user, status: "kicked", until_date: 0 },
          new_chat_member: { user: bot.user, status: "member" },
        },
      });
    },
    received: () => bot.sentTo(chatId),
  };
}

export function createEmulatedStaffGroup(bot: EmulatedBot, chatId: number, options: { title?: string } = {}): EmulatedStaffGroup {
  const chat: TgChat = { id: chatId, type: "supergroup", title: options.title ?? "Support staff", is_forum: true };
  bot.ensureChat(chat);
  return {
    chatId,
    member: (userId, firstName) => {
      const user: TgUser = { id: userId, is_bot: false, first_name: firstName };
      const write = (threadId: number | undefined, content: JsonObject) => {
        const thread = threadId === undefined ? {} : { message_thread_id: threadId, is_topic_message: true };
        const message = bot.addUserMessage(chat, user, { ...thread, ...content });
        bot.pushUpdate(messageUpdate(message));
        return message;
      };
      return {
        user,
        sendText: (text, { threadId }) => {
          const command = /^\/\w+/.exec(text);
          return write(threadId, { text, ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}) });
        },
        sendPhoto: ({ threadId, caption, bytes }) => {
          const stored = bot.addFile({ bytes: bytes ?? DEFAULT_PHOTO.photo, folder: "photos", fileName: `staff_${randomBytes(3).toString("hex")}.jpg` });
          const photo = [{ file_id: stored.fileId, file_unique_id: stored.fileUniqueId, width: 800, height: 600, file_size: stored.size }];
          return write(threadId, { photo, ...(caption ? { caption } : {}) });
        },
      };
    },
    topics: () => bot.topics(chatId),
    deleteTopic: (threadId) => bot.deleteTopic(chatId, threadId),
    received: () => bot.sentTo(chatId),
  };
}
