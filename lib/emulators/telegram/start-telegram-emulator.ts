import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatedBot, type ApiResult } from "./emulated-bot.ts";
import { createEmulatedCustomer, createEmulatedStaffGroup, type EmulatedCustomer, type EmulatedStaffGroup } from "./emulated-users.ts";
import type { ApiCall, ApiFailure, JsonObject, SentMessage } from "./emulator-types.ts";

export type EmulatorBot = {
  token: string;
  id: number;
  username: string;
  /** The bot's raw state: calls made, callback answers, webhook, pending updates. */
  state: EmulatedBot;
  customer: (chatId: number, profile?: { firstName?: string; username?: string }) => EmulatedCustomer;
  staffGroup: (chatId: number, options?: { title?: string }) => EmulatedStaffGroup;
  sentTo: (chatId: number) => SentMessage[];
  calls: (method?: string) => ApiCall[];
  failNext: EmulatedBot["failNext"];
  storm: EmulatedBot["storm"];
  /** Resolves once every update so far was taken: answered 2xx by the webhook, or polled past. */
  flush: (timeoutMs?: number) => Promise<void>;
  /** Webhook deliveries that got a non-2xx answer: [status, …]. */
  webhookFailures: () => number[];
};

export type TelegramEmulator = {
  /** Give this to Telegraf as `telegram.apiRoot` (TELEGRAM_API_ROOT). */
  apiRoot: string;
  createBot: (options?: { username?: string; firstName?: string; token?: string }) => EmulatorBot;
  bot: (token: string) => EmulatorBot | undefined;
  close: () => Promise<void>;
};

export type TelegramEmulatorOptions = { port?: number; host?: string; webhookRetryMs?: number };

const MAX_BODY = 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readParams(request: IncomingMessage, url: URL): Promise<JsonObject | undefined> {
  const params: JsonObject = Object.fromEntries(url.searchParams);
  const type = request.headers["content-type"] ?? "";
  const body = await readBody(request);
  if (!body) return params;
  if (type.includes("multipart/form-data")) return undefined;
  if (type.includes("application/x-www-form-urlencoded")) return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
  const parsed: unknown = JSON.parse(body);
  return parsed && typeof parsed === "object" ? { ...params, ...(parsed as JsonObject) } : params;
}

function reply(response: ServerResponse, result: ApiResult): void {
  const status = result.ok ? 200 : result.error_code;
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(result));
}

function failure(error_code: number, description: string): ApiResult {
  return { ok: false, error_code, description } satisfies { ok: false } & ApiFailure;
}

/**
 * A Telegram Bot API server for tests and demo mode: every method Tern calls, file downloads,
 * webhook delivery with the secret header (retried until 2xx, as Telegram does), getUpdates,
 * 429s on demand, and simulated customers and staff who write updates and read what the bot sent.
 */
export async function startTelegramEmulator(options: TelegramEmulatorOptions = {}): Promise<TelegramEmulator> {
  const bots = new Map<string, EmulatedBot>();
  const handles = new Map<string, EmulatorBot>();
  const webhookFailures = new Map<string, number[]>();
  const retryMs = options.webhookRetryMs ?? 100;
  let closed = false;
  const loops: Promise<void>[] = [];

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) reply(response, failure(500, "Internal Server Error"));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://emulator");
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) {
      const stored = bots.get(decodeURIComponent(file[1]!))?.fileByPath(decodeURIComponent(file[2]!));
      if (!stored) return void response.writeHead(404).end("Not Found");
      response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(stored.bytes.length) }).end(stored.bytes);
      return;
    }
    const api = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!api) return reply(response, failure(404, "Not Found"));
    const bot = bots.get(decodeURIComponent(api[1]!));
    if (!bot) return reply(response, failure(401, "Unauthorized"));
    let params: JsonObject | undefined;
    try {
      params = await readParams(request, url);
    } catch {
      return reply(response, failure(400, "Bad Request: can't parse request body"));
    }
    if (!params) return reply(response, failure(400, "Bad Request: the emulator does not take multipart uploads; send file ids"));
    reply(response, await bot.call(api[2]!, params));
  }

  async function deliverWebhooks(bot: EmulatedBot): Promise<void> {
    while (!closed) {
      const head = bot.pendingUpdates()[0];
      const hook = bot.webhook;
      if (!hook) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (!head) {
        await bot.waitForUpdate(200);
        continue;
      }
      let status = 0;
      try {
        const answer = await fetch(hook.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}) },
          body: JSON.stringify(head),
          signal: AbortSignal.timeout(10_000),
        });
        status = answer.status;
        await answer.arrayBuffer().catch(() => undefined);
      } catch {
        status = 0;
      }
      if (status >= 200 && status < 300) {
        bot.confirmHead(Number(head.update_id));
      } else {
        webhookFailures.get(bot.token)?.push(status);
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  }

  function wrap(bot: EmulatedBot): EmulatorBot {
    const customers = new Map<number, EmulatedCustomer>();
    const groups = new Map<number, EmulatedStaffGroup>();
    return {
      token: bot.token,
      id: bot.id,
      username: bot.username,
      state: bot,
      customer: (chatId, profile) => {
        let customer = customers.get(chatId);
        if (!customer) customers.set(chatId, (customer = createEmulatedCustomer(bot, chatId, profile)));
        return customer;
      },
      staffGroup: (chatId, groupOptions) => {
        let group = groups.get(chatId);
        if (!group) groups.set(chatId, (group = createEmulatedStaffGroup(bot, chatId, groupOptions)));
        return group;
      },
      sentTo: (chatId) => bot.sentTo(chatId),
      calls: (method) => bot.calls.filter((call) => method === undefined || call.method === method),
      failNext: (method, failureOptions) => bot.failNext(method, failureOptions),
      storm: (stormOptions) => bot.storm(stormOptions),
      flush: async (timeoutMs = 10_000) => {
        const deadline = Date.now() + timeoutMs;
        while (bot.pendingUpdates().length) {
          if (Date.now() > deadline) throw new Error(`${bot.pendingUpdates().length} updates still undelivered after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      webhookFailures: () => [...(webhookFailures.get(bot.token) ?? [])],
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;
  const apiRoot = `http://${options.host ?? "127.0.0.1"}:${address.port}`;

  return {
    apiRoot,
    createBot: (botOptions = {}) => {
      const bot = new EmulatedBot(botOptions);
      bots.set(bot.token, bot);
      webhookFailures.set(bot.token, []);
      const handle = wrap(bot);
      handles.set(bot.token, handle);
      loops.push(deliverWebhooks(bot));
      return handle;
    },
    bot: (token) => handles.get(token),
    close: async () => {
      closed = true;
      for (const bot of bots.values()) bot.wakeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(loops);
    },
  };
}
