import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createTicket, createUser } from "@/lib/testing/factories.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { assignTicket } from "@/lib/tickets/assign-ticket.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";
import { enqueueCsatQuestion } from "./enqueue-csat-question.ts";

let harness: TelegramHarness;
let nextChat = 850_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
});

afterAll(async () => {
  await harness.close();
});

async function resolvedTicket() {
  const chatId = ++nextChat;
  const chat = harness.bot.customer(chatId);
  const customer = await createCustomer(harness.store.id, { telegramChatId: String(chatId) });
  const { ticket } = await createTicket(harness.store.id, { customerId: customer.id, source: "TELEGRAM" });
  const agent = await createUser(harness.store.id);
  await assignTicket(db(), { storeId: harness.store.id, ticketId: ticket.id, assigneeId: agent.id, actorId: agent.id });
  await transitionTicket(db(), { storeId: harness.store.id, ticketId: ticket.id, to: "RESOLVED", actorId: agent.id });
  // The question is queued by the after-commit hook: wait for it to land.
  await expect.poll(() => db().message.count({ where: { ticketId: ticket.id, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" } } })).toBe(1);
  await harness.sendOutbox();
  return { chat, ticketId: ticket.id, agentId: agent.id };
}

describe("CSAT over Telegram", () => {
  it("asks for a 1–5 rating when a ticket is resolved and stores the answer", async () => {
    const { chat, ticketId, agentId } = await resolvedTicket();
    const question = chat.received().at(-1)!;
    const questionText = question.text;
    expect(questionText).toMatch(/was resolved\. How did we do\?/);
    expect(question.replyMarkup?.inline_keyboard[0]?.map((button) => button.callback_data)).toEqual([1, 2, 3, 4, 5].map((score) => `csat:${ticketId}:${score}`));

    chat.pressButton("4 ⭐");
    await harness.settle();
    const response = await db().csatResponse.findUniqueOrThrow({ where: { ticketId }, select: { score: true, agentId: true, storeId: true, respondedAt: true } });
    expect(response).toMatchObject({ score: 4, agentId, storeId: harness.store.id });
    expect(chat.received().at(-1)).toMatchObject({ text: "Thanks for rating us 4/5!", edits: [questionText] });
    expect(harness.bot.state.callbackAnswers.at(-1)?.text).toBe("Thanks for rating us 4/5!");
    const activity = await db().message.findFirst({ where: { ticketId, kind: "ACTIVITY", meta: { path: ["type"], equals: "csat" } }, select: { body: true } });
    expect(activity?.body).toBe("The customer rated this request 4/5");
  });

  it("asks once per resolution, and not again after a rating", async () => {
    const { chat, ticketId } = await resolvedTicket();
    // The hook already queued this resolution's question: asking again adds nothing.
    expect(await enqueueCsatQuestion(db(), harness.store.id, ticketId)).toBeNull();
    chat.pressButton("5 ⭐");
    await harness.settle();
    await transitionTicket(db(), { storeId: harness.store.id, ticketId, to: "IN_PROGRESS" });
    await transitionTicket(db(), { storeId: harness.store.id, ticketId, to: "RESOLVED" });
    expect(await enqueueCsatQuestion(db(), harness.store.id, ticketId)).toBeNull();
    expect(await db().message.count({ where: { ticketId, kind: "OUTBOUND", meta: { path: ["type"], equals: "csat" } } })).toBe(1);
  });

  it("ignores a rating pressed for someone else's ticket", async () => {
    const { chat, ticketId } = await resolvedTicket();
    const intruder = harness.bot.customer(++nextChat);
    await createCustomer(harness.store.id, { telegramChatId: String(intruder.chatId) });
    const forged = chat.received().at(-1)!.message;
    harness.bot.state.pushUpdate({
      callback_query: { id: "forged", from: intruder.user, message: { ...forged, chat: { id: intruder.chatId, type: "private" } }, chat_instance: "x", data: `csat:${ticketId}:1` },
    });
    await harness.settle();
    expect(await db().csatResponse.findUnique({ where: { ticketId }, select: { id: true } })).toBeNull();
    expect(harness.bot.state.callbackAnswers.at(-1)).toEqual({ callbackQueryId: "forged", text: "Thanks, but this rating is no longer open." });
  });

  it("does not ask a customer who is not on Telegram", async () => {
    const customer = await createCustomer(harness.store.id);
    const { ticket } = await createTicket(harness.store.id, { customerId: customer.id });
    await transitionTicket(db(), { storeId: harness.store.id, ticketId: ticket.id, to: "RESOLVED" });
    expect(await enqueueCsatQuestion(db(), harness.store.id, ticket.id)).toBeNull();
    expect(await db().message.count({ where: { ticketId: ticket.id, kind: "OUTBOUND" } })).toBe(0);
  });
});
