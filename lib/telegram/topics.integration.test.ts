import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createUser, type TestUser } from "@/lib/testing/factories.ts";
import { issueStaffLinkCode } from "@/lib/telegram/staff-link-code.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";

const STAFF_CHAT = -1_001_234_567_890;

let harness: TelegramHarness;
let agent: TestUser;

beforeAll(async () => {
  harness = await startTelegramHarness({ staffChatId: STAFF_CHAT });
  agent = await createUser(harness.store.id, { name: "Ada Agent", email: "ada@store.test" });
});

afterAll(async () => {
  await harness.close();
});

async function ticketOf(chatId: number) {
  const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(chatId) }, select: { customerId: true } });
  return db().ticket.findFirstOrThrow({
    where: { storeId: harness.store.id, customerId: identity.customerId },
    select: { id: true, number: true, status: true, telegramTopicId: true },
  });
}

describe("forum-topic mirroring", () => {
  it("copies customer messages into the ticket's topic and sends staff answers from it to the customer", async () => {
    const staff = harness.bot.staffGroup(STAFF_CHAT, { title: "Support" });
    await createCustomer(harness.store.id, { name: "Kim Lee", telegramChatId: "840001" });
    const customer = harness.bot.customer(840_001);
    const question = customer.sendText("Where is my parcel?");
    await harness.settle();

    const ticket = await ticketOf(customer.chatId);
    const [topic] = staff.topics();
    expect(topic?.name).toMatch(new RegExp(`^#${ticket.number} Kim Lee — `));
    expect(ticket.telegramTopicId).toBe(topic!.threadId);
    const copies = staff.received().filter((entry) => entry.threadId === topic!.threadId && entry.copiedFrom);
    expect(copies.map((entry) => entry.copiedFrom)).toEqual([{ chatId: customer.chatId, messageId: question.message_id }]);

    // A staff member Tern does not know yet is told how to link; nothing reaches the customer.
    const member = staff.member(9_001, "Ada");
    member.sendText("Hi Kim, checking now", { threadId: topic!.threadId });
    await harness.settle();
    expect(staff.received().at(-1)?.text).toContain("/iam");
    const customerInbox = () => customer.received().filter((entry) => entry.text !== undefined && !entry.text.startsWith("Thanks! I opened"));
    expect(customerInbox()).toEqual([]);

    // An email is no proof: anyone in the group could type a colleague's (or the admin's).
    member.sendText("/iam ADA@store.test", { threadId: topic!.threadId });
    await harness.settle();
    expect(staff.received().at(-1)?.text).toContain("one-time code");
    expect((await db().user.findUniqueOrThrow({ where: { id: agent.id }, select: { telegramUserId: true } })).telegramUserId).toBeNull();

    // The code Ada was shown in Tern links her account, once.
    const { code } = await issueStaffLinkCode(db(), { storeId: harness.store.id, userId: agent.id });
    member.sendText(`/iam ${code}`, { threadId: topic!.threadId });
    await harness.settle();
    expect(staff.received().at(-1)?.text).toBe("Linked: your messages in ticket topics now go to customers as Ada Agent.");

    // Another member who saw the code cannot use it again, nor an expired one, nor a guess.
    const mallory = staff.member(9_002, "Mallory");
    const expired = await issueStaffLinkCode(db(), { storeId: harness.store.id, userId: agent.id, now: new Date(Date.now() - 11 * 60_000) });
    for (const attempt of [code, expired.code, "ABCD-EFGH"]) {
      mallory.sendText(`/iam ${attempt}`, { threadId: topic!.threadId });
      await harness.settle();
      expect(staff.received().at(-1)?.text).toContain("not valid");
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: agent.id }, select: { telegramUserId: true } })).telegramUserId).toBe(9_001n);

    member.sendText("Hi Kim, it ships tomorrow", { threadId: topic!.threadId });
    member.sendPhoto({ threadId: topic!.threadId, caption: "Your parcel, packed" });
    await harness.settle();
    const delivered = customerInbox();
    expect(delivered.map((entry) => entry.text ?? null)).toEqual(["Hi Kim, it ships tomorrow"]);
    const photoCopy = customer.received().find((entry) => entry.method === "copyMessage");
    expect(photoCopy?.caption).toBe("Your parcel, packed");

    const replies = await db().message.findMany({
      where: { ticketId: ticket.id, kind: "OUTBOUND", authorId: agent.id },
      orderBy: { createdAt: "asc" },
      select: { body: true, deliveryStatus: true },
    });
    expect(replies).toEqual([
      { body: "Hi Kim, it ships tomorrow", deliveryStatus: "SENT" },
      { body: "Your parcel, packed", deliveryStatus: "SENT" },
    ]);
    expect((await ticketOf(customer.chatId)).status).toBe("IN_PROGRESS");
    // Staff replies are not mirrored back into the topic they came from.
    expect(staff.received().filter((entry) => entry.text?.includes("(inbox)"))).toEqual([]);
  });

  it("mirrors inbox replies into the topic and recreates a topic that was deleted", async () => {
    const staff = harness.bot.staffGroup(STAFF_CHAT);
    await createCustomer(harness.store.id, { name: "Bo", telegramChatId: "840002" });
    const customer = harness.bot.customer(840_002);
    customer.sendText("Hello");
    await harness.settle();
    const ticket = await ticketOf(customer.chatId);
    await addReply(db(), { storeId: harness.store.id, ticketId: ticket.id, body: "Hi Bo, how can I help?", actorId: agent.id });
    await harness.sendOutbox();
    expect(staff.received().at(-1)).toMatchObject({ threadId: ticket.telegramTopicId, text: "Ada Agent (inbox): Hi Bo, how can I help?" });

    staff.deleteTopic(ticket.telegramTopicId!);
    customer.sendText("Are you there?");
    await harness.settle();
    const again = await ticketOf(customer.chatId);
    expect(again.telegramTopicId).not.toBe(ticket.telegramTopicId);
    expect(staff.received().at(-1)).toMatchObject({ threadId: again.telegramTopicId, method: "copyMessage" });
  });
});
