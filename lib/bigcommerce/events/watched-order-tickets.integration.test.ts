import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as webhookRoute from "@/app/api/webhooks/bigcommerce/route.ts";
import { ORDER_STATUS } from "../bigcommerce-types.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { runInboundBatch } from "@/lib/inbound/run-inbound-batch.ts";
import { drainQueue } from "@/lib/routing/drain-queue.ts";
import { updateRoutingSettings } from "@/lib/routing/update-routing-settings.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createOnlineAgent, createStore, type TestStore } from "@/lib/testing/factories.ts";
import { serveRouteHandler, type RouteHandlerServer } from "@/lib/testing/serve-route-handler.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { claimTicket } from "@/lib/tickets/claim-ticket.ts";
import { listTickets } from "@/lib/tickets/list-tickets.ts";
import { updateTicket } from "@/lib/tickets/update-ticket.ts";
import { OPEN_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";

// Watching is not work (SPEC): an order ticket nothing has asked a person about takes no agent and
// has no clock until something needs a person. Played through the real webhook path and the emulator.

let emulator: BigcommerceEmulator;
let tern: RouteHandlerServer;
let hookUrl: string;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator({ rateLimit: { quota: 100_000 } });
  tern = await serveRouteHandler(webhookRoute.POST);
  hookUrl = `${tern.url}/api/webhooks/bigcommerce`;
});

afterAll(async () => {
  await tern?.close();
  await emulator?.close();
});

async function processAll(storeId: string): Promise<void> {
  await emulator.flushWebhooks();
  while ((await runInboundBatch(db(), { workerId: "work-test", storeId, limit: 10 })).claimed > 0);
}

async function storeWithAgent(): Promise<{ store: TestStore; shop: EmulatedStore; agentId: string }> {
  const store = await createStore();
  const shop = await connectEmulatedStore(emulator, store, { webhookDestination: hookUrl });
  const agent = await createOnlineAgent(store.id, { name: "Ada", capacity: 5 });
  return { store, shop, agentId: agent.id };
}

const product = { name: "Lamp", sku: "L-1", price: 40, productId: 501 };

function orderTicket(storeId: string, orderId: number) {
  return db().ticket.findFirstOrThrow({
    where: { storeId, bigcommerceOrderId: orderId, parentTicketId: null },
    select: {
      id: true,
      assigneeId: true,
      status: true,
      priority: true,
      workSince: true,
      createdAt: true,
      firstResponseDueAt: true,
      resolutionDueAt: true,
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, body: true } },
    },
  });
}

const workEntries = (ticket: { messages: { kind: string; body: string }[] }) => ticket.messages.filter((message) => message.body.startsWith("Needs a person:")).map((message) => message.body);

describe("watched order tickets", () => {
  it("take no agent and no clock, stay out of the work views, and are listed under Watching", async () => {
    const { store, shop } = await storeWithAgent();
    const order = shop.createOrder({ guest: { email: "quiet@example.com", firstName: "Quiet", lastName: "Buyer" }, products: [product] });
    await processAll(store.id);
    await drainQueue(db(), { storeId: store.id });

    const ticket = await orderTicket(store.id, order.id);
    expect(ticket).toMatchObject({ assigneeId: null, status: "AWAITING_AGENT", workSince: null, firstResponseDueAt: null, resolutionDueAt: null });
    const list = async (watched: boolean) => (await listTickets(db(), { storeId: store.id, filters: { status: [...OPEN_STATUSES], watched } })).items.map((item) => item.id);
    expect(await list(false)).not.toContain(ticket.id);
    expect(await list(true)).toEqual([ticket.id]);

    // Routine order news keeps it watched: a status note, no person asked for.
    shop.setOrderStatus(order.id, ORDER_STATUS.AWAITING_SHIPMENT);
    await processAll(store.id);
    const later = await orderTicket(store.id, order.id);
    expect(later.workSince).toBeNull();
    expect(later.messages.some((message) => message.body.includes("Awaiting Shipment"))).toBe(true);
  });

  it("become work when the customer writes on the order: routed to an agent, the clock counting from then", async () => {
    const { store, shop, agentId } = await storeWithAgent();
    const order = shop.createOrder({ guest: { email: "asks@example.com", firstName: "Asks", lastName: "Later" }, products: [product] });
    await processAll(store.id);
    const watched = await orderTicket(store.id, order.id);
    expect(watched.workSince).toBeNull();

    shop.addOrderMessage(order.id, { message: "Can you ship it to my office instead?" });
    await processAll(store.id);
    await drainQueue(db(), { storeId: store.id });
    const work = await orderTicket(store.id, order.id);
    expect(work.workSince).not.toBeNull();
    expect(work.workSince!.getTime()).toBeGreaterThan(watched.createdAt.getTime());
    // The demo-free default policy: an hour to answer, counted from when it became work.
    expect(work.firstResponseDueAt!.getTime() - work.workSince!.getTime()).toBeGreaterThan(0);
    expect(workEntries(work)).toEqual(["Needs a person: the customer wrote on the order"]);
    expect(work.assigneeId).toBe(agentId);
  });

  it("become work for a status the supervisor lists (a declined payment), and not for one taken off the list", async () => {
    const { store, shop } = await storeWithAgent();
    const declined = shop.createOrder({ guest: { email: "card@example.com", firstName: "Card", lastName: "Declined" }, products: [product] });
    const verified = shop.createOrder({ guest: { email: "check@example.com", firstName: "Manual", lastName: "Check" }, products: [product] });
    await processAll(store.id);
    await updateRoutingSettings(db(), { storeId: store.id, patch: { workOrderStatusIds: [ORDER_STATUS.DECLINED] } });

    shop.setOrderStatus(declined.id, ORDER_STATUS.DECLINED);
    shop.setOrderStatus(verified.id, ORDER_STATUS.MANUAL_VERIFICATION_REQUIRED);
    await processAll(store.id);
    expect(workEntries(await orderTicket(store.id, declined.id))).toEqual(["Needs a person: the order is Declined"]);
    expect((await orderTicket(store.id, verified.id)).workSince).toBeNull();
  });

  it("become work at once for a refund, escalated as before", async () => {
    const { store, shop } = await storeWithAgent();
    const order = shop.createOrder({ guest: { email: "refund@example.com", firstName: "Re", lastName: "Fund" }, products: [product] });
    await processAll(store.id);
    shop.setOrderStatus(order.id, ORDER_STATUS.REFUNDED);
    await processAll(store.id);
    const ticket = await orderTicket(store.id, order.id);
    expect(ticket).toMatchObject({ status: "PRIORITY_QUEUE", priority: "HIGH" });
    expect(ticket.workSince).not.toBeNull();
    expect(workEntries(ticket).length).toBe(1);
  });

  it("become work when an agent claims or answers one, and only then count against their capacity", async () => {
    const { store, shop, agentId } = await storeWithAgent();
    const claimed = shop.createOrder({ guest: { email: "one@example.com", firstName: "One", lastName: "Buyer" }, products: [product] });
    const answered = shop.createOrder({ guest: { email: "two@example.com", firstName: "Two", lastName: "Buyer" }, products: [product] });
    await processAll(store.id);

    const first = await orderTicket(store.id, claimed.id);
    await claimTicket(db(), { storeId: store.id, ticketId: first.id, userId: agentId });
    const taken = await orderTicket(store.id, claimed.id);
    expect(taken).toMatchObject({ assigneeId: agentId, status: "AGENT_ASSIGNED" });
    expect(workEntries(taken)).toEqual(["Needs a person: an agent took it"]);

    const second = await orderTicket(store.id, answered.id);
    await addReply(db(), { storeId: store.id, ticketId: second.id, body: "Your lamp ships tomorrow.", actorId: agentId });
    const replied = await orderTicket(store.id, answered.id);
    expect(replied.workSince).not.toBeNull();
    expect(workEntries(replied)).toEqual(["Needs a person: an agent replied"]);
  });

  it("keep their clock off when a priority changes, and are all work for a store that does not watch", async () => {
    const { store, shop, agentId } = await storeWithAgent();
    const order = shop.createOrder({ guest: { email: "p@example.com", firstName: "Pri", lastName: "Ority" }, products: [product] });
    await processAll(store.id);
    const watched = await orderTicket(store.id, order.id);
    await updateTicket(db(), { storeId: store.id, ticketId: watched.id, actorId: agentId, patch: { priority: "HIGH" } });
    expect(await orderTicket(store.id, order.id)).toMatchObject({ priority: "HIGH", workSince: null, firstResponseDueAt: null });

    await updateRoutingSettings(db(), { storeId: store.id, patch: { watchOrderTickets: false } });
    const next = shop.createOrder({ guest: { email: "q@example.com", firstName: "Next", lastName: "Buyer" }, products: [product] });
    await processAll(store.id);
    const work = await orderTicket(store.id, next.id);
    expect(work.workSince).not.toBeNull();
    expect(work.assigneeId).toBe(agentId);
    expect(workEntries(work)).toEqual([]);
  });
});
