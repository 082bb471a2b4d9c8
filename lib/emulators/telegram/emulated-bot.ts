import { randomBytes } from "node:crypto";
import type {
  ApiCall,
  ApiFailure,
  FailureRule,
  InlineKeyboard,
  JsonObject,
  SentMessage,
  StoredFile,
  TgChat,
  TgMessage,
  TgUser,
  Topic,
} from "./emulator-types.ts";

export type ApiResult = { ok: true; result: unknown } | ({ ok: false } & ApiFailure);

type ChatState = {
  chat: TgChat;
  nextMessageId: number;
  history: TgMessage[];
  sent: SentMessage[];
  blocked: boolean;
  topics: Map<number, Topic>;
  nextThreadId: number;
};

/** Methods that put a message in a chat: "*" failure rules and storms apply to these. */
const SENDING_METHODS = new Set(["sendMessage", "sendPhoto", "sendDocument", "copyMessage"]);

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
export const FILE_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

function unix(): number {
  return Math.floor(Date.now() / 1000);
}

function fail(error_code: number, description: string, parameters?: ApiFailure["parameters"]): ApiResult {
  return { ok: false, error_code, description, ...(parameters ? { parameters } : {}) };
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asKeyboard(value: unknown): InlineKeyboard | undefined {
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (parsed && typeof parsed === "object" && Array.isArray((parsed as InlineKeyboard).inline_keyboard)) return parsed as InlineKeyboard;
  return undefined;
}

let botCounter = 0;

/**
 * One bot's world inside the emulator: its chats and their histories, files, pending updates,
 * webhook, the calls it made and the failures tests asked for. The HTTP layer only routes to call().
 */
export class EmulatedBot {
  readonly id: number;
  readonly token: string;
  readonly username: string;
  readonly firstName: string;
  webhook: { url: string; secretToken?: string } | null = null;
  readonly calls: ApiCall[] = [];
  readonly callbackAnswers: Array<{ callbackQueryId: string; text?: string }> = [];
  private readonly chats = new Map<number, ChatState>();
  private readonly files = new Map<string, StoredFile>();
  private readonly rules: FailureRule[] = [];
  private updates: JsonObject[] = [];
  // From the clock (milliseconds), so ids never start over: Tern drops a repeated update_id as a
  // duplicate, and a new emulator talking to the same Tern database (the next e2e spec, a restarted
  // demo) must not reuse an earlier one's. Bot API integers go up to 52 bits.
  private nextUpdateId = Date.now();
  private waiters: Array<() => void> = [];

  /** `token` reuses a known token (demo mode keeps its bot across restarts); its prefix is the bot id. */
  constructor(options: { username?: string; firstName?: string; token?: string } = {}) {
    botCounter += 1;
    const knownId = Number(options.token?.split(":")[0]);
    this.id = Number.isSafeInteger(knownId) && knownId > 0 ? knownId : 7_000_000_000 + botCounter * 1000 + Math.floor(Math.random() * 1000);
    this.token = options.token ?? `${this.id}:${randomBytes(18).toString("base64url")}`;
    this.username = options.username ?? `tern_test_${botCounter}_bot`;
    this.firstName = options.firstName ?? "Tern Support";
  }

  get user(): TgUser {
    return { id: this.id, is_bot: true, first_name: this.firstName, username: this.username };
  }

  // ---- state used by the simulated users -------------------------------------------------

  ensureChat(chat: TgChat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) {
      state = { chat, nextMessageId: 1, history: [], sent: [], blocked: false, topics: new Map(), nextThreadId: 1000 };
      this.chats.set(chat.id, state);
    }
    return state;
  }

  chatState(chatId: number): ChatState | undefined {
    return this.chats.get(chatId);
  }

  /** A message written by a user into a chat (keeps the chat's message ids sequential, as Telegram does). */
  addUserMessage(chat: TgChat, from: TgUser, content: JsonObject): TgMessage {
    const state = this.ensureChat(chat);
    const message: TgMessage = { message_id: state.nextMessageId++, from, chat, date: unix(), ...content };
    state.history.push(message);
    return message;
  }

  findMessage(chatId: number, messageId: number): TgMessage | undefined {
    return this.chats.get(chatId)?.history.find((message) => message.message_id === messageId);
  }

  addFile(input: { bytes: Buffer; folder: string; fileName?: string; size?: number }): StoredFile {
    const fileId = `AgAC${randomBytes(12).toString("base64url")}`;
    const file: StoredFile = {
      fileId,
      fileUniqueId: `AQAD${randomBytes(6).toString("base64url")}`,
      filePath: `${input.folder}/${input.fileName ?? `file_${this.files.size}`}`,
      bytes: input.bytes,
      size: input.size ?? input.bytes.length,
    };
    this.files.set(fileId, file);
    return file;
  }

  fileByPath(filePath: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.filePath === filePath) return file;
    return undefined;
  }

  setBlocked(chatId: number, blocked: boolean): void {
    const state = this.chats.get(chatId);
    if (state) state.blocked = blocked;
  }

  sentTo(chatId: number): SentMessage[] {
    return [...(this.chats.get(chatId)?.sent ?? [])];
  }

  topics(chatId: number): Topic[] {
    return [...(this.chats.get(chatId)?.topics.values() ?? [])];
  }

  deleteTopic(chatId: number, threadId: number): void {
    const topic = this.chats.get(chatId)?.topics.get(threadId);
    if (topic) topic.deleted = true;
  }

  // ---- updates --------------------------------------------------------------------------

  pushUpdate(content: JsonObject): JsonObject {
    const update = { update_id: this.nextUpdateId++, ...content };
    this.updates.push(update);
    for (const wake of this.waiters.splice(0)) wake();
    return update;
  }

  /** Updates not yet confirmed (webhook: not yet answered 2xx; polling: not yet passed as offset). */
  pendingUpdates(): JsonObject[] {
    return [...this.updates];
  }

  /** The webhook loop confirms the head once the receiver answered 2xx. */
  confirmHead(updateId: number): void {
    if (this.updates[0]?.update_id === updateId) this.updates.shift();
  }

  waitForUpdate(timeoutMs: number): Promise<void> {
    if (this.updates.length) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve();
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(wake);
    });
  }

  wakeAll(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  // ---- failures on demand ---------------------------------------------------------------

  /** The next `times` calls of `method` ("*" = any sending method) fail with this error. */
  failNext(method: string, failure: Partial<ApiFailure> & { retryAfter?: number; times?: number; chatId?: number; every?: number } = {}): void {
    const retryAfter = failure.retryAfter ?? failure.parameters?.retry_after;
    const errorCode = failure.error_code ?? (retryAfter !== undefined ? 429 : 500);
    this.rules.push({
      method,
      chatId: failure.chatId,
      failure: {
        error_code: errorCode,
        description: failure.description ?? (errorCode === 429 ? `Too Many Requests: retry after ${retryAfter ?? 1}` : "Internal Server Error"),
        ...(errorCode === 429 ? { parameters: { retry_after: retryAfter ?? 1 } } : {}),
      },
      remaining: failure.times ?? 1,
      every: failure.every ?? 1,
      seen: 0,
    });
  }

  /** A 429 storm: of the next `calls` sending calls, every `every`-th answers 429 with retry_after. */
  storm(options: { calls: number; every?: number; retryAfter?: number }): void {
    const every = options.every ?? 2;
    this.failNext("*", { retryAfter: options.retryAfter ?? 1, times: Math.ceil(options.calls / every), every });
  }

  private injectedFailure(method: string, chatId: number | undefined): ApiFailure | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      const methodMatches = rule.method === method || (rule.method === "*" && SENDING_METHODS.has(method));
      if (!methodMatches || (rule.chatId !== undefined && rule.chatId !== chatId)) continue;
      rule.seen += 1;
      if (rule.seen % rule.every !== 0) continue;
      rule.remaining -= 1;
      return rule.failure;
    }
    return undefined;
  }

  // ---- the Bot API ----------------------------------------------------------------------

  async call(method: string, params: JsonObject): Promise<ApiResult> {
    const chatId = asNumber(params.chat_id);
    const injected = this.injectedFailure(method, chatId);
    const result = injected ? ({ ok: false, ...injected } as ApiResult) : await this.dispatch(method, params);
    this.calls.push({ method, params, ok: result.ok, errorCode: result.ok ? undefined : result.error_code, at: Date.now() });
    return result;
  }

  private async dispatch(method: string, params: JsonObject): Promise<ApiResult> {
    switch (method) {
      case "getMe":
        return { ok: true, result: { ...this.user, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } };
      case "setWebhook":
        return this.setWebhook(params);
      case "deleteWebhook":
        if (params.drop_pending_updates === true || params.drop_pending_updates === "true") this.updates = [];
        this.webhook = null;
        return { ok: true, result: true };
      case "getWebhookInfo":
        return { ok: true, result: { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.updates.length } };
      case "getUpdates":
        return this.getUpdates(params);
      case "sendMessage":
        return this.send("sendMessage", params, { text: asString(params.text) });
      case "sendPhoto":
        return this.send("sendPhoto", params, { fileId: asString(params.photo), caption: asString(params.caption) });
      case "sendDocument":
        return this.send("sendDocument", params, { fileId: asString(params.document), caption: asString(params.caption) });
      case "copyMessage":
        return this.copyMessage(params);
      case "createForumTopic":
        return this.createForumTopic(params);
      case "getFile":
        return this.getFile(params);
      case "answerCallbackQuery":
        this.callbackAnswers.push({ callbackQueryId: String(params.callback_query_id ?? ""), text: asString(params.text) });
        return { ok: true, result: true };
      case "editMessageText":
        return this.editMessageText(params);
      default:
        return fail(404, `Not Found: method ${method} is not emulated`);
    }
  }

  private setWebhook(params: JsonObject): ApiResult {
    const url = asString(params.url) ?? "";
    if (!url) {
      this.webhook = null;
      return { ok: true, result: true };
    }
    const secretToken = asString(params.secret_token);
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) return fail(400, "Bad Request: secret token contains unallowed characters");
    if (params.drop_pending_updates === true || params.drop_pending_updates === "true") this.updates = [];
    this.webhook = { url, secretToken };
    this.wakeAll();
    return { ok: true, result: true };
  }

  private async getUpdates(params: JsonObject): Promise<ApiResult> {
    if (this.webhook) return fail(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const offset = asNumber(params.offset) ?? 0;
    if (offset > 0) this.updates = this.updates.filter((update) => Number(update.update_id) >= offset);
    const limit = Math.min(Math.max(asNumber(params.limit) ?? 100, 1), 100);
    const timeoutSeconds = Math.min(asNumber(params.timeout) ?? 0, 10);
    if (!this.updates.length && timeoutSeconds > 0) await this.waitForUpdate(timeoutSeconds * 1000);
    return { ok: true, result: this.updates.slice(0, limit) };
  }

  private targetChat(params: JsonObject): ChatState | ApiResult {
    const chatId = asNumber(params.chat_id);
    const state = chatId === undefined ? undefined : this.chats.get(chatId);
    if (!state) return fail(400, "Bad Request: chat not found");
    if (state.blocked) return fail(403, "Forbidden: bot was blocked by the user");
    const threadId = asNumber(params.message_thread_id);
    if (threadId !== undefined) {
      const topic = state.topics.get(threadId);
      if (!topic || topic.deleted) return fail(400, "Bad Request: message thread not found");
    }
    return state;
  }

  private record(state: ChatState, method: string, params: JsonObject, content: JsonObject, extra: Partial<SentMessage>): TgMessage {
    const threadId = asNumber(params.message_thread_id);
    const replyMarkup = asKeyboard(params.reply_markup);
    const message: TgMessage = {
      message_id: state.nextMessageId++,
      from: this.user,
      chat: state.chat,
      date: unix(),
      ...content,
      ...(threadId !== undefined ? { message_thread_id: threadId, is_topic_message: true } : {}),
      ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    };
    state.history.push(message);
    state.sent.push({
      messageId: message.message_id,
      method,
      text: message.text,
      caption: message.caption,
      threadId,
      replyMarkup,
      edits: [],
      message,
      ...extra,
    });
    return message;
  }

  private send(method: string, params: JsonObject, input: { text?: string; fileId?: string; caption?: string }): ApiResult {
    const state = this.targetChat(params);
    if ("ok" in state) return state;
    if (method === "sendMessage") {
      if (!input.text) return fail(400, "Bad Request: message text is empty");
      if (input.text.length > TEXT_LIMIT) return fail(400, "Bad Request: message is too long");
      return { ok: true, result: this.record(state, method, params, { text: input.text }, {}) };
    }
    if (!input.fileId) return fail(400, "Bad Request: there is no file in the request (the emulator takes file ids, not uploads)");
    // Telegram fetches a photo given by HTTP URL itself; the emulator takes the URL as it is (fetching nothing).
    if (method === "sendPhoto" && /^https?:\/\//.test(input.fileId)) {
      if (input.caption && input.caption.length > CAPTION_LIMIT) return fail(400, "Bad Request: message caption is too long");
      const photo = [{ file_id: `url:${input.fileId}`, file_unique_id: `url${state.nextMessageId}`, width: 800, height: 600 }];
      return { ok: true, result: this.record(state, method, params, { photo, ...(input.caption ? { caption: input.caption } : {}) }, { photoUrl: input.fileId }) };
    }
    const file = this.files.get(input.fileId);
    if (!file) return fail(400, "Bad Request: wrong file identifier/HTTP URL specified");
    if (input.caption && input.caption.length > CAPTION_LIMIT) return fail(400, "Bad Request: message caption is too long");
    const media =
      method === "sendPhoto"
        ? { photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 800, height: 600, file_size: file.size }] }
        : { document: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_name: file.filePath.split("/").pop(), file_size: file.size } };
    const content = { ...media, ...(input.caption ? { caption: input.caption } : {}) };
    return { ok: true, result: this.record(state, method, params, content, { fileId: file.fileId }) };
  }

  private copyMessage(params: JsonObject): ApiResult {
    const fromChatId = asNumber(params.from_chat_id);
    const messageId = asNumber(params.message_id);
    const source = fromChatId === undefined || messageId === undefined ? undefined : this.findMessage(fromChatId, messageId);
    if (!source) return fail(400, "Bad Request: message to copy not found");
    const state = this.targetChat(params);
    if ("ok" in state) return state;
    // A copy carries the content, not the sender, thread or keyboard of the original.
    const { message_id: _id, from: _from, chat: _chat, date: _date, message_thread_id: _thread, is_topic_message: _topic, reply_markup: _markup, edit_date: _edit, ...content } = source;
    const caption = asString(params.caption);
    const copied = this.record(state, "copyMessage", params, { ...content, ...(caption !== undefined ? { caption } : {}) }, { copiedFrom: { chatId: fromChatId!, messageId: messageId! } });
    return { ok: true, result: { message_id: copied.message_id } };
  }

  private createForumTopic(params: JsonObject): ApiResult {
    const chatId = asNumber(params.chat_id);
    const state = chatId === undefined ? undefined : this.chats.get(chatId);
    if (!state) return fail(400, "Bad Request: chat not found");
    if (!state.chat.is_forum) return fail(400, "Bad Request: the chat is not a forum");
    const name = asString(params.name) ?? "";
    if (!name || name.length > 128) return fail(400, "Bad Request: invalid topic name");
    const threadId = state.nextThreadId++;
    state.topics.set(threadId, { chatId: state.chat.id, threadId, name, deleted: false });
    return { ok: true, result: { message_thread_id: threadId, name, icon_color: 7322096 } };
  }

  private getFile(params: JsonObject): ApiResult {
    const file = this.files.get(asString(params.file_id) ?? "");
    if (!file) return fail(400, "Bad Request: invalid file_id");
    if (file.size > FILE_DOWNLOAD_LIMIT) return fail(400, "Bad Request: file is too big");
    return { ok: true, result: { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, file_path: file.filePath } };
  }

  private editMessageText(params: JsonObject): ApiResult {
    const chatId = asNumber(params.chat_id);
    const messageId = asNumber(params.message_id);
    const state = chatId === undefined ? undefined : this.chats.get(chatId);
    const sent = state?.sent.find((entry) => entry.messageId === messageId);
    if (!state || !sent) return fail(400, "Bad Request: message to edit not found");
    const text = asString(params.text);
    if (!text) return fail(400, "Bad Request: message text is empty");
    if (text === sent.text && !params.reply_markup) return fail(400, "Bad Request: message is not modified");
    sent.edits.push(sent.text ?? "");
    sent.text = text;
    sent.replyMarkup = asKeyboard(params.reply_markup);
    sent.message.text = text;
    sent.message.edit_date = unix();
    if (sent.replyMarkup) sent.message.reply_markup = sent.replyMarkup;
    else delete sent.message.reply_markup;
    return { ok: true, result: sent.message };
  }
}
