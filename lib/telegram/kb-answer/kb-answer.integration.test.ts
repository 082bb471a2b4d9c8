import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket, createUser } from "@/lib/testing/factories.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { addNote } from "@/lib/tickets/add-note.ts";
import { assignTicket } from "@/lib/tickets/assign-ticket.ts";
import { enqueueCsatQuestion } from "../csat/enqueue-csat-question.ts";
import { endKbHolds } from "./end-kb-holds.ts";
import { KB_HOLD_MINUTES } from "./offer-kb-answer.ts";

// A verified Telegram customer asks a question the store's knowledge base answers: the bot offers
// the article before a person, through the real webhook, inbound worker and outbox, against Tern's
// Telegram emulator. Each flow, the conditions for offering, and forged buttons.

let harness: TelegramHarness;
let nextChat = 870_000;
let returnsArticle: { id: string; title: string };

const RETURN_QUESTION = "How do I return an item in its original packaging?";

beforeAll(async () => {
  harness = await startTelegramHarness();
  returnsArticle = await db().kbArticle.create({
    data: {
      storeId: harness.store.id,
      title: "Returns and exchanges policy",
      body: "Items can be returned within 30 days of delivery in their original packaging. Start a return from the order page.",
      tags: ["returns"],
    },
    select: { id: true, title: true },
  });
  await db().kbArticle.create({
    data: { storeId: harness.store.id, title: "Gift wrapping", body: "Every item can be gift wrapped with a return-free packaging slip.", published: false },
    select: { id: true },
  });
});

afterAll(async () => {
  await harness.close();
});

async function verifiedCustomer(options: { verified?: boolean } = {}) {
  const chatId = ++nextChat;
  const customer = await createCustomer(harness.store.id, { telegramChatId: String(chatId), telegramVerified: options.verified ?? true });
  return { chat: harness.bot.customer(chatId, { firstName: "Noor" }), customerId: customer.id };
}

async function ticketsOf(customerId: string) {
  return db().ticket.findMany({
    where: { storeId: harness.store.id, customerId },
    select: { id: true, number: true, status: true, workSince: true, assigneeId: true, selfServiceResolvedAt: true },
  });
}

async function onlyTicket(customerId: string) {
  const tickets = await ticketsOf(customerId);
  expect(tickets).toHaveLength(1);
  return tickets[0]!;
}

async function thread(ticketId: string) {
  return db().message.findMany({ where: { ticketId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, body: true, meta: true, authorId: true } });
}

async function audits(ticketId: string) {
  const rows = await db().auditLog.findMany({ where: { storeId: harness.store.id, targetId: ticketId }, orderBy: { id: "asc" }, select: { action: true, targetType: true, actorId: true, detail: true } });
  return rows;
}

/** Asks the return question and waits for the article with its buttons. */
async function askAndGetOffer(chat: ReturnType<TelegramHarness["bot"]["customer"]>) {
  chat.sendText(RETURN_QUESTION);
  await harness.settle();
  const offer = chat.received().at(-1)!;
  expect(offer.text).toContain("📄 Returns and exchanges policy");
  expect(offer.text).toMatch(/Did this answer your question\?$/);
  return offer;
}

async function eventsDrained() {
  await expect.poll(() => db().domainEvent.count({ where: { storeId: harness.store.id } }), { timeout: 10_000 }).toBe(0);
}

describe("knowledge-base answers before a person", () => {
  it("offers the best matching published article, keeps the conversation watched and records the message, the offer and the audit", async () => {
    const { chat, customerId } = await verifiedCustomer();
    const offer = await askAndGetOffer(chat);
    const buttons = offer.replyMarkup?.inline_keyboard.flat() ?? [];
    expect(buttons.map((button) => button.text)).toEqual(["✅ Yes, thanks", "💬 No, talk to a person"]);
    for (const button of buttons) expect(Buffer.byteLength(button.callback_data ?? "")).toBeLessThanOrEqual(64);
    // Only the article: no "an agent will reply" before the customer said whether it helped.
    expect(chat.received()).toHaveLength(1);

    const ticket = await onlyTicket(customerId);
    expect(ticket).toMatchObject({ status: "AWAITING_AGENT", workSince: null, assigneeId: null });
    const entries = await thread(ticket.id);
    expect(entries.find((entry) => entry.kind === "INBOUND")?.body).toBe(RETURN_QUESTION);
    expect(entries.find((entry) => entry.kind === "OUTBOUND")?.meta).toMatchObject({ type: "kb-offer", articleId: returnsArticle.id });
    expect(entries.some((entry) => entry.kind === "ACTIVITY" && entry.body.startsWith("Self-service: offered the knowledge-base article “Returns and exchanges policy”"))).toBe(true);
    const offerRow = await db().kbOffer.findUniqueOrThrow({ where: { ticketId: ticket.id }, select: { id: true, heldUntil: true, outcome: true } });
    expect(offerRow.outcome).toBeNull();
    expect(offerRow.heldUntil).not.toBeNull();
    expect(buttons[0]?.callback_data).toBe(`kb:y:${offerRow.id}`);
    expect(await audits(ticket.id)).toEqual([
      { action: "self_service.kb_answer", targetType: "ticket", actorId: null, detail: { articleId: returnsArticle.id, offerId: offerRow.id, outcome: "offered" } },
    ]);
  });

  it("Yes resolves the conversation by self-service, once, without a CSAT question; the customer writing again reopens it for a person", async () => {
    const { chat, customerId } = await verifiedCustomer();
    await askAndGetOffer(chat);
    chat.pressButton("✅ Yes, thanks");
    chat.pressButton("✅ Yes, thanks");
    await harness.settle();

    const ticket = await onlyTicket(customerId);
    expect(ticket.status).toBe("RESOLVED");
    expect(ticket.selfServiceResolvedAt).not.toBeNull();
    expect(ticket.workSince).toBeNull();
    const entries = await thread(ticket.id);
    expect(entries.filter((entry) => entry.body === "Resolved by self-service: Returns and exchanges policy")).toHaveLength(1);
    expect(entries.filter((entry) => (entry.meta as { to?: string } | null)?.to === "RESOLVED")).toHaveLength(1);
    expect(entries.every((entry) => entry.authorId === null)).toBe(true);
    expect(chat.received().at(-1)?.text).toBe(`Glad that helped! I've closed request #${ticket.number}. If you need anything else, just write here.`);
    expect(harness.bot.state.callbackAnswers.slice(-2).map((answer) => answer.text)).toEqual(["Glad it helped!", "Thanks, you already answered this."]);
    expect((await audits(ticket.id)).map((row) => (row.detail as { outcome: string }).outcome)).toEqual(["offered", "accepted"]);

    // The resolve's events were delivered: no rating question, then or on a retry.
    await eventsDrained();
    expect(await enqueueCsatQuestion(db(), harness.store.id, ticket.id)).toBeNull();
    expect(entries.some((entry) => (entry.meta as { type?: string } | null)?.type === "csat")).toBe(false);

    chat.sendText("Actually, one more thing about the label");
    await harness.settle();
    const reopened = await onlyTicket(customerId);
    expect(reopened).toMatchObject({ status: "AWAITING_AGENT", selfServiceResolvedAt: null });
    expect(reopened.workSince).not.toBeNull();
    // One offer per conversation.
    expect(chat.received().filter((sent) => sent.text?.includes("Did this answer your question?"))).toHaveLength(1);
  });

  it("No hands the conversation to a person with everything said: it becomes work in the queue and the thread says why", async () => {
    const { chat, customerId } = await verifiedCustomer();
    await askAndGetOffer(chat);
    chat.pressButton("💬 No, talk to a person");
    await harness.settle();

    const ticket = await onlyTicket(customerId);
    expect(ticket.workSince).not.toBeNull();
    expect(ticket.selfServiceResolvedAt).toBeNull();
    expect(ticket.status).toBe("AWAITING_AGENT");
    const bodies = (await thread(ticket.id)).map((entry) => entry.body);
    expect(bodies).toContain(RETURN_QUESTION);
    expect(bodies).toContain("Customer said the article did not answer: “Returns and exchanges policy”");
    expect(bodies).toContain("Needs a person: the customer asked for a person after a knowledge-base article");
    expect(chat.received().at(-1)?.text).toBe(`Thanks for telling me. Request #${ticket.number} is with our team now: a person will reply here.`);
    expect((await audits(ticket.id)).map((row) => (row.detail as { outcome: string }).outcome)).toEqual(["offered", "declined"]);

    // A later question in the same conversation gets no second article.
    chat.sendText("And can I return the item after 30 days in its packaging?");
    await harness.settle();
    expect(chat.received().filter((sent) => sent.text?.includes("Did this answer your question?"))).toHaveLength(1);
  });

  it("an unanswered offer hands the conversation to a person when its hold runs out, once", async () => {
    const { chat, customerId } = await verifiedCustomer();
    await askAndGetOffer(chat);
    const ticket = await onlyTicket(customerId);
    expect(await endKbHolds(db(), new Date(Date.now() + (KB_HOLD_MINUTES - 1) * 60_000))).toBe(0);
    expect((await onlyTicket(customerId)).workSince).toBeNull();
    const later = new Date(Date.now() + (KB_HOLD_MINUTES + 1) * 60_000);
    expect(await endKbHolds(db(), later)).toBeGreaterThanOrEqual(1);
    expect(await endKbHolds(db(), later)).toBe(0);
    expect((await onlyTicket(customerId)).workSince).not.toBeNull();
    expect((await thread(ticket.id)).map((entry) => entry.body)).toContain(`Needs a person: the customer did not answer the knowledge-base article within ${KB_HOLD_MINUTES} minutes`);
    expect((await db().kbOffer.findUniqueOrThrow({ where: { ticketId: ticket.id }, select: { heldUntil: true } })).heldUntil).toBeNull();
  });

  it("the customer writing again while the offer waits makes the conversation work at once", async () => {
    const { chat, customerId } = await verifiedCustomer();
    await askAndGetOffer(chat);
    chat.sendText("Hello? I would rather talk to someone");
    await harness.settle();
    const ticket = await onlyTicket(customerId);
    expect(ticket.workSince).not.toBeNull();
    expect((await thread(ticket.id)).map((entry) => entry.body)).toContain("Needs a person: the customer wrote on Telegram");
  });

  it("offers nothing to an unverified chat, for a question no article answers well enough, or on a conversation a person has taken part in", async () => {
    const stranger = await verifiedCustomer({ verified: false });
    // Unverified, the chat goes on without an order (a person's "Unverified" conversation), then asks.
    stranger.chat.sendText("Hello");
    await harness.settle();
    stranger.chat.sendText("Anyone there?");
    await harness.settle();
    stranger.chat.pressButton("intake:skip");
    await harness.settle();
    stranger.chat.sendText(RETURN_QUESTION);
    await harness.settle();

    const vague = await verifiedCustomer();
    // "return" alone: one shared word is not an answer.
    vague.chat.sendText("I want to return something");
    await harness.settle();

    const watchedWithNote = await verifiedCustomer();
    const agent = await createUser(harness.store.id);
    const { ticket: orderTicket } = await createTicket(harness.store.id, { customerId: watchedWithNote.customerId, source: "BIGCOMMERCE", watch: { needsPerson: null } });
    await addNote(db(), { storeId: harness.store.id, ticketId: orderTicket.id, actorId: agent.id, body: "Called the customer about this order" });
    watchedWithNote.chat.sendText(RETURN_QUESTION);
    await harness.settle();

    for (const { chat, customerId } of [stranger, vague, watchedWithNote]) {
      expect(chat.received().some((sent) => sent.text?.includes("Did this answer your question?"))).toBe(false);
      for (const ticket of await ticketsOf(customerId)) expect(await db().kbOffer.count({ where: { ticketId: ticket.id } })).toBe(0);
    }
    expect((await onlyTicket(watchedWithNote.customerId)).workSince).not.toBeNull();
  });

  it("offers on the customer's watched order ticket when nobody has touched it", async () => {
    const { chat, customerId } = await verifiedCustomer();
    const { ticket: orderTicket } = await createTicket(harness.store.id, { customerId, source: "BIGCOMMERCE", watch: { needsPerson: null } });
    await askAndGetOffer(chat);
    const ticket = await onlyTicket(customerId);
    expect(ticket.id).toBe(orderTicket.id);
    expect(ticket.workSince).toBeNull();
    expect(await db().kbOffer.count({ where: { ticketId: orderTicket.id } })).toBe(1);
  });

  it("Yes after an agent took the conversation resolves nothing and tells the agent", async () => {
    const agent = await createUser(harness.store.id, { name: "Rita Agent" });
    const { chat, customerId } = await verifiedCustomer();
    await askAndGetOffer(chat);
    const ticket = await onlyTicket(customerId);
    await assignTicket(db(), { storeId: harness.store.id, ticketId: ticket.id, assigneeId: agent.id, actorId: agent.id });
    chat.pressButton("✅ Yes, thanks");
    await harness.settle();

    const after = await onlyTicket(customerId);
    expect(after.status).not.toBe("RESOLVED");
    expect(after.selfServiceResolvedAt).toBeNull();
    expect(harness.bot.state.callbackAnswers.at(-1)?.text).toBe("Thanks! A person is already looking at your request.");
    expect((await thread(ticket.id)).map((entry) => entry.body)).toContain(
      "The customer said the knowledge-base article “Returns and exchanges policy” answered their question. Not resolved: a person is on this conversation.",
    );
    expect((await audits(ticket.id)).at(-1)?.detail).toMatchObject({ outcome: "accepted", resolved: false });
  });

  it("ignores forged buttons: another chat's offer, another store's offer, and malformed data", async () => {
    const { chat, customerId } = await verifiedCustomer();
    const offerSent = await askAndGetOffer(chat);
    const ticket = await onlyTicket(customerId);
    const offer = await db().kbOffer.findUniqueOrThrow({ where: { ticketId: ticket.id }, select: { id: true } });

    // Another verified chat of this store presses Yes on this chat's offer.
    const intruder = await verifiedCustomer();
    const forge = (from: typeof intruder.chat, data: string, id: string) =>
      harness.bot.state.pushUpdate({
        callback_query: { id, from: from.user, message: { ...offerSent.message, chat: { id: from.chatId, type: "private" } }, chat_instance: "x", data },
      });
    forge(intruder.chat, `kb:y:${offer.id}`, "forged-chat");

    // An offer of another store, pressed from a chat of this one.
    const other = await createStore();
    const otherCustomer = await createCustomer(other.id, { telegramChatId: String(intruder.chat.chatId) });
    const { ticket: otherTicket } = await createTicket(other.id, { customerId: otherCustomer.id, source: "TELEGRAM", watch: { needsPerson: null } });
    const otherIdentity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: other.id, externalId: String(intruder.chat.chatId) }, select: { id: true } });
    const otherArticle = await db().kbArticle.create({ data: { storeId: other.id, title: "Other store's returns", body: "Not yours." }, select: { id: true } });
    const otherOffer = await db().kbOffer.create({
      data: { storeId: other.id, ticketId: otherTicket.id, articleId: otherArticle.id, articleTitle: "Other store's returns", chatIdentityId: otherIdentity.id, offeredAt: new Date(), heldUntil: new Date(Date.now() + 600_000) },
      select: { id: true },
    });
    forge(intruder.chat, `kb:y:${otherOffer.id}`, "forged-store");
    forge(chat, "kb:y:not-a-uuid-at-all-but-thirty-six-c", "forged-shape");
    forge(chat, `kb:x:${offer.id}`, "forged-answer");
    await harness.settle();

    expect(await onlyTicket(customerId)).toMatchObject({ status: "AWAITING_AGENT", workSince: null, selfServiceResolvedAt: null });
    expect(await db().kbOffer.findUniqueOrThrow({ where: { id: offer.id }, select: { outcome: true } })).toEqual({ outcome: null });
    expect(await db().ticket.findUniqueOrThrow({ where: { id: otherTicket.id }, select: { status: true, selfServiceResolvedAt: true } })).toEqual({ status: "AWAITING_AGENT", selfServiceResolvedAt: null });
    expect(await db().kbOffer.findUniqueOrThrow({ where: { id: otherOffer.id }, select: { outcome: true } })).toEqual({ outcome: null });
    expect(await db().auditLog.count({ where: { storeId: other.id, action: { startsWith: "self_service." } } })).toBe(0);
    expect((await audits(ticket.id)).map((row) => (row.detail as { outcome: string }).outcome)).toEqual(["offered"]);
    const answers = new Map(harness.bot.state.callbackAnswers.map((answer) => [answer.callbackQueryId, answer.text]));
    expect(answers.get("forged-chat")).toBe("This question is no longer open.");
    expect(answers.get("forged-store")).toBe("This question is no longer open.");
    // Not a kb: button at all: the catch-all stops the spinner and nothing else happens.
    expect(answers.has("forged-shape")).toBe(true);
    expect(answers.get("forged-shape")).toBeUndefined();
  });
});
