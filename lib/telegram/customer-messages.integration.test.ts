import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { processTelegramUpdate } from "@/lib/telegram/process-telegram-update.ts";
import { createCustomer, createStore, createUser } from "@/lib/testing/factories.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";

let harness: TelegramHarness;
let apiToken: string;
let nextChat = 820_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
  const agent = await createUser(harness.store.id);
  apiToken = (await createApiToken(db(), { storeId: harness.store.id, userId: agent.id, name: "test" })).token;
});

afterAll(async () => {
  await harness.close();
});

/** A customer the store already knows (email on file, chat linked): their messages go straight to a ticket. */
async function knownCustomer() {
  const chatId = ++nextChat;
  await createCustomer(harness.store.id, { telegramChatId: String(chatId) });
  return harness.bot.customer(chatId, { firstName: "Noor" });
}

async function threadOf(chatId: number) {
  const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(chatId) }, select: { customerId: true } });
  const tickets = await db().ticket.findMany({ where: { storeId: harness.store.id, customerId: identity.customerId }, select: { id: true } });
  expect(tickets).toHaveLength(1);
  return db().message.findMany({
    where: { ticketId: tickets[0]!.id, kind: "INBOUND" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, attachments: true, externalId: true, editedAt: true, editHistory: true },
  });
}

function attachmentUrl(messageId: string, index: number): string {
  return `${harness.server.url}/api/v1/attachments/${messageId}/${index}`;
}

async function postUpdate(body: unknown, secret?: string): Promise<Response> {
  return fetch(`${harness.server.url}/api/webhooks/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret !== undefined ? { "x-telegram-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify(body),
  });
}

describe("customer messages", () => {
  it("keeps a photo and a document with their file ids, names, MIME types and captions, and serves them through the proxy", async () => {
    const customer = await knownCustomer();
    customer.sendPhoto({ caption: "Arrived like this", bytes: Buffer.from("jpeg-bytes-of-the-photo") });
    customer.sendDocument({ fileName: "receipt.pdf", mimeType: "application/pdf", bytes: Buffer.from("%PDF-receipt") });
    await harness.settle();

    const [photo, document] = await threadOf(customer.chatId);
    expect(photo).toMatchObject({ body: "Arrived like this", attachments: [{ kind: "photo", mimeType: "image/jpeg", width: 800 }] });
    expect(document).toMatchObject({ body: "", attachments: [{ kind: "document", fileName: "receipt.pdf", mimeType: "application/pdf" }] });

    const headers = { authorization: `Bearer ${apiToken}` };
    const photoResponse = await fetch(attachmentUrl(photo!.id, 0), { headers });
    expect(photoResponse.status).toBe(200);
    expect(photoResponse.headers.get("content-type")).toBe("image/jpeg");
    expect(await photoResponse.text()).toBe("jpeg-bytes-of-the-photo");
    const documentResponse = await fetch(attachmentUrl(document!.id, 0), { headers });
    expect(documentResponse.headers.get("content-disposition")).toContain('filename="receipt.pdf"');
    expect(await documentResponse.text()).toBe("%PDF-receipt");

    expect((await fetch(attachmentUrl(photo!.id, 0))).status).toBe(401);
    expect((await fetch(attachmentUrl(photo!.id, 5), { headers })).status).toBe(404);
  });

  it("refuses a file over 20 MB with 413 before downloading it", async () => {
    const customer = await knownCustomer();
    customer.sendDocument({ fileName: "video.mov", mimeType: "video/quicktime", size: 25 * 1024 * 1024 });
    await harness.settle();
    const [message] = await threadOf(customer.chatId);
    const response = await fetch(attachmentUrl(message!.id, 0), { headers: { authorization: `Bearer ${apiToken}` } });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("does not serve another store's attachments", async () => {
    const customer = await knownCustomer();
    customer.sendPhoto();
    await harness.settle();
    const [message] = await threadOf(customer.chatId);
    const other = await createStore();
    const stranger = await createUser(other.id);
    const { token } = await createApiToken(db(), { storeId: other.id, userId: stranger.id, name: "other" });
    expect((await fetch(attachmentUrl(message!.id, 0), { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it("keeps voice, video, stickers, locations and contacts", async () => {
    const customer = await knownCustomer();
    customer.sendVoice({ duration: 4 });
    customer.sendVideo({ caption: "see" });
    customer.sendSticker({ emoji: "😡" });
    customer.sendLocation(52.37, 4.89);
    customer.sendContact("+31 6 1234", "Noor");
    await harness.settle();
    const thread = await threadOf(customer.chatId);
    expect(thread.map((message) => (message.attachments as Array<{ kind: string }>)[0]?.kind)).toEqual(["voice", "video", "sticker", "location", "contact"]);
    expect(thread[0]!.attachments).toMatchObject([{ mimeType: "audio/ogg", duration: 4 }]);
    expect(thread[2]!.attachments).toMatchObject([{ emoji: "😡" }]);
    expect(thread[3]!.attachments).toEqual([{ kind: "location", latitude: 52.37, longitude: 4.89 }]);
  });

  it("keeps the earlier text of an edited message", async () => {
    const customer = await knownCustomer();
    const original = customer.sendText("The box is damged");
    await harness.settle();
    customer.editText(original.message_id, "The box is damaged");
    await harness.settle();
    const [message] = await threadOf(customer.chatId);
    expect(message!.body).toBe("The box is damaged");
    expect(message!.editedAt).not.toBeNull();
    expect(message!.editHistory).toMatchObject([{ body: "The box is damged" }]);
  });

  it("keeps the last of several edits made within one second (Telegram dates edits to the second)", async () => {
    const customer = await knownCustomer();
    const original = customer.sendText("Ship to 12 Harbour Rd");
    await harness.settle();
    // Three edits stamped with the same second, as Telegram stamps quick edits; each arrives in turn.
    const second = Math.floor(Date.now() / 1000) + 5;
    for (const text of ["Ship to 14 Harbour Rd", "Ship to 41 Harbour Rd", "Ship to 41 Harbour Road"]) {
      customer.editText(original.message_id, text, { editDate: second });
      await harness.settle();
    }
    // A late redelivery of an older edit changes nothing.
    customer.editText(original.message_id, "Ship to 12 Harbour Rd!", { editDate: second - 3 });
    await harness.settle();
    const [message] = await threadOf(customer.chatId);
    expect(message!.body).toBe("Ship to 41 Harbour Road");
    expect((message!.editHistory as Array<{ body: string }>).map((version) => version.body)).toEqual(["Ship to 12 Harbour Rd", "Ship to 14 Harbour Rd", "Ship to 41 Harbour Rd"]);
  });

  it("stores a redelivered update once", async () => {
    const customer = await knownCustomer();
    customer.sendText("Only once please");
    await harness.settle();

    const delivered = await db().inboundEvent.findFirstOrThrow({
      where: { storeId: harness.store.id, source: "TELEGRAM", payload: { path: ["message", "text"], equals: "Only once please" } },
      select: { payload: true },
    });
    // Telegram redelivers the same update (same update_id) when it missed our 200.
    const again = await postUpdate(delivered.payload, harness.webhookSecret);
    expect(again.status).toBe(200);
    await harness.settle();
    // And a worker that processes the same update twice (a retry after a crash) adds nothing either.
    await processTelegramUpdate({ id: "x", storeId: harness.store.id, source: "TELEGRAM", kind: "message", payload: delivered.payload, attempts: 2, receivedAt: new Date() });

    expect((await threadOf(customer.chatId)).map((message) => message.body)).toEqual(["Only once please"]);
    const events = await db().inboundEvent.count({ where: { storeId: harness.store.id, source: "TELEGRAM", payload: { path: ["message", "text"], equals: "Only once please" } } });
    expect(events).toBe(1);
  });

  it("wakes a snoozed ticket when the customer writes again", async () => {
    const customer = await knownCustomer();
    customer.sendText("Where is my parcel?");
    await harness.settle();
    const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { customerId: true } });
    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: harness.store.id, customerId: identity.customerId }, select: { id: true } });
    await db().ticket.update({ where: { id: ticket.id }, data: { snoozedUntil: new Date(Date.now() + 86_400_000) }, select: { id: true } });

    customer.sendText("Any news?");
    await harness.settle();

    const after = await db().ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { snoozedUntil: true } });
    expect(after.snoozedUntil).toBeNull();
    expect((await threadOf(customer.chatId)).map((message) => message.body)).toEqual(["Where is my parcel?", "Any news?"]);
  });

  it("answers 401 to a wrong or missing secret token and 400 to a body that is no update", async () => {
    const update = { update_id: 1, message: { message_id: 1, date: 0, chat: { id: 1, type: "private" }, text: "hi" } };
    const wrong = await postUpdate(update, "not-the-secret");
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
    expect((await postUpdate(update)).status).toBe(401);
    expect((await postUpdate({ hello: "world" }, harness.webhookSecret)).status).toBe(400);
    expect(await db().inboundEvent.count({ where: { dedupeKey: { endsWith: ":1" }, storeId: harness.store.id } })).toBe(0);
  });
});
