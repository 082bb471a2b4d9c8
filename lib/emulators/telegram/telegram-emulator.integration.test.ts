import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Telegraf, TelegramError } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegramEmulator, type TelegramEmulator } from "./start-telegram-emulator.ts";

let emulator: TelegramEmulator;

beforeAll(async () => {
  emulator = await startTelegramEmulator({ webhookRetryMs: 20 });
});

afterAll(async () => {
  await emulator.close();
});

function telegraf(token: string): Telegraf {
  return new Telegraf(token, { telegram: { apiRoot: emulator.apiRoot } });
}

describe("Telegram Bot API emulator (through Telegraf)", () => {
  it("answers getMe and rejects unknown tokens", async () => {
    const bot = emulator.createBot({ username: "shop_bot" });
    expect(await telegraf(bot.token).telegram.getMe()).toMatchObject({ id: bot.id, is_bot: true, username: "shop_bot" });
    await expect(telegraf("1:nope").telegram.getMe()).rejects.toMatchObject({ code: 401 });
  });

  it("sends photos and documents by file id and serves files through getFile", async () => {
    const bot = emulator.createBot();
    const customer = bot.customer(42);
    const sent = customer.sendDocument({ fileName: "label.pdf", mimeType: "application/pdf", bytes: Buffer.from("PDF!") });
    const fileId = (sent.document as { file_id: string }).file_id;
    const api = telegraf(bot.token).telegram;
    await api.sendDocument(42, fileId, { caption: "your label" });
    const photo = customer.sendPhoto();
    const photoId = (photo.photo as Array<{ file_id: string }>).at(-1)!.file_id;
    await api.sendPhoto(42, photoId);
    expect(customer.received().map((entry) => [entry.method, entry.caption ?? null])).toEqual([
      ["sendDocument", "your label"],
      ["sendPhoto", null],
    ]);
    const link = await api.getFileLink(fileId);
    expect(await (await fetch(link)).text()).toBe("PDF!");
    const big = customer.sendDocument({ fileName: "huge.bin", mimeType: "application/octet-stream", size: 21 * 1024 * 1024 });
    await expect(api.getFile((big.document as { file_id: string }).file_id)).rejects.toMatchObject({ code: 400, description: "Bad Request: file is too big" });
  });

  it("delivers updates to the webhook with the secret header, retrying until 2xx, and refuses getUpdates meanwhile", async () => {
    const bot = emulator.createBot();
    const received: Array<{ secret: string | undefined; body: { update_id: number } }> = [];
    let failFirst = true;
    const hook = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        if (failFirst) {
          failFirst = false;
          return void response.writeHead(500).end();
        }
        received.push({ secret: request.headers["x-telegram-bot-api-secret-token"] as string | undefined, body: JSON.parse(body) as { update_id: number } });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    const api = telegraf(bot.token).telegram;
    await api.setWebhook(`http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, { secret_token: "s3cret_token" });
    bot.customer(7).sendText("hello");
    await bot.flush();
    hook.close();
    expect(received).toHaveLength(1);
    expect(received[0]!.secret).toBe("s3cret_token");
    expect(bot.webhookFailures()).toEqual([500]);
    await expect(api.getUpdates(0, 10, 0, [])).rejects.toMatchObject({ code: 409 });
  });

  it("hands out updates with getUpdates and forgets them once passed as offset", async () => {
    const bot = emulator.createBot();
    const customer = bot.customer(8);
    customer.sendText("one");
    customer.sendText("two");
    const api = telegraf(bot.token).telegram;
    const first = await api.getUpdates(0, 100, 0, []);
    expect(first).toHaveLength(2);
    const next = await api.getUpdates(0, 100, first[1]!.update_id + 1, []);
    expect(next).toEqual([]);
    expect(bot.state.pendingUpdates()).toEqual([]);
  });

  it("answers 429 with retry_after on demand", async () => {
    const bot = emulator.createBot();
    bot.customer(9);
    bot.failNext("sendMessage", { retryAfter: 5 });
    const api = telegraf(bot.token).telegram;
    const error = await api.sendMessage(9, "hi").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).parameters?.retry_after).toBe(5);
    await api.sendMessage(9, "hi");
    expect(bot.sentTo(9).map((entry) => entry.text)).toEqual(["hi"]);
  });

  it("creates forum topics, copies messages into them and edits what the bot sent", async () => {
    const bot = emulator.createBot();
    const customer = bot.customer(10);
    const staff = bot.staffGroup(-100777);
    const api = telegraf(bot.token).telegram;
    const topic = await api.createForumTopic(-100777, "#1 Kim");
    const original = customer.sendText("my parcel");
    await api.copyMessage(-100777, 10, original.message_id, { message_thread_id: topic.message_thread_id });
    expect(staff.received()[0]).toMatchObject({ threadId: topic.message_thread_id, text: "my parcel", copiedFrom: { chatId: 10, messageId: original.message_id } });
    const sent = await api.sendMessage(10, "Rate us", { reply_markup: { inline_keyboard: [[{ text: "5", callback_data: "r:5" }]] } });
    const press = customer.pressButton("5");
    expect(press.data).toBe("r:5");
    await api.answerCbQuery(press.callbackQueryId, "thanks");
    await api.editMessageText(10, sent.message_id, undefined, "Thanks!");
    expect(customer.received().at(-1)).toMatchObject({ text: "Thanks!", edits: ["Rate us"] });
    expect(bot.state.callbackAnswers).toEqual([{ callbackQueryId: press.callbackQueryId, text: "thanks" }]);
    await expect(api.createForumTopic(10, "not a forum")).rejects.toMatchObject({ code: 400 });
  });
});
