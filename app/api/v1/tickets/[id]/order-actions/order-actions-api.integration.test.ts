import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import type { OrderActionDto } from "@/lib/order-actions/order-action-dto.ts";
import type { OrderActionPermissions } from "@/lib/order-actions/order-action-permissions.ts";
import type { RefundQuoteDto } from "@/lib/order-actions/quote-refund.ts";
import { apiCallerFor, type ApiReply } from "@/lib/testing/api-caller.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import * as approveRoute from "../../../order-actions/[id]/approve/route.ts";
import * as rejectRoute from "../../../order-actions/[id]/reject/route.ts";
import * as pendingRoute from "../../../order-actions/route.ts";
import * as quoteRoute from "./refund-quote/route.ts";
import * as actionsRoute from "./route.ts";

// Order actions against the BigCommerce emulator through the production client: refund quotes,
// refunds (amount checks, approval above the threshold, one at a time), cancel, resend tracking.

type Caller = Awaited<ReturnType<typeof apiCallerFor>>;
type ErrorBody = { error: { code: string; message: string; details?: unknown } };

let emulator: BigcommerceEmulator;
let store: TestStore;
let shop: EmulatedStore;
let agent: Caller;
let supervisor: Caller;
let agentId: string;

function quote(call: Caller, ticketId: string, items: unknown[]) {
  return call<{ quote: RefundQuoteDto } & ErrorBody, { id: string }>(quoteRoute.POST, `/tickets/${ticketId}/order-actions/refund-quote`, { body: { items }, params: { id: ticketId } });
}

function act(call: Caller, ticketId: string, body: unknown) {
  return call<{ action: OrderActionDto } & ErrorBody, { id: string }>(actionsRoute.POST, `/tickets/${ticketId}/order-actions`, { body, params: { id: ticketId } });
}

async function orderTicket(options: { price?: number; quantity?: number; telegram?: boolean } = {}) {
  const order = shop.createOrder({ guest: { email: "carol@example.com", firstName: "Carol", lastName: "Jones" }, products: [{ name: "Tern mug", sku: "MUG-1", price: options.price ?? 12.25, quantity: options.quantity ?? 2 }] }, { silent: true });
  const customer = await createCustomer(store.id, options.telegram ? { telegramChatId: String(Date.now() + Math.floor(Math.random() * 1000)) } : {});
  const { ticket } = await createTicket(store.id, { bigcommerceOrderId: order.id, customerId: customer.id, source: "BIGCOMMERCE" });
  const product = shop.products.get(order.id)![0]!;
  return { order, ticket, product };
}

async function auditActions(ticketId: string): Promise<string[]> {
  const rows = await db().auditLog.findMany({ where: { storeId: store.id, targetType: "OrderAction" }, orderBy: { createdAt: "asc" }, select: { action: true, detail: true } });
  return rows.filter((row) => (row.detail as { ticketId?: string }).ticketId === ticketId).map((row) => row.action);
}

async function activities(ticketId: string): Promise<string[]> {
  const rows = await db().message.findMany({ where: { ticketId, kind: "ACTIVITY", meta: { path: ["type"], equals: "order_action" } }, orderBy: { createdAt: "asc" }, select: { body: true } });
  return rows.map((row) => row.body);
}

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
  process.env.BIGCOMMERCE_API_URL = emulator.url;
  store = await createStore();
  shop = emulator.store(store.bigcommerceHash);
  await db().store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(shop.accessToken), refundApprovalThreshold: 100 } });
  const agentUser = await createUser(store.id, { name: "Ada", role: "AGENT" });
  agentId = agentUser.id;
  agent = await apiCallerFor(agentUser);
  supervisor = await apiCallerFor(await createUser(store.id, { name: "Sue", role: "SUPERVISOR" }));
});

afterAll(async () => {
  await emulator?.close();
});

describe("refunds", () => {
  it("quotes, then refunds the quoted amount: order refunded in BigCommerce, action, audit entry and activity line", async () => {
    const { order, ticket, product } = await orderTicket();
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }];
    const quoted = await quote(agent, ticket.id, items);
    expect(quoted.status).toBe(200);
    expect(quoted.body.quote).toMatchObject({ orderId: order.id, amount: "12.25", tax: "0.00", taxInclusive: true });
    expect(quoted.body.quote.methods[0]!.payments[0]).toMatchObject({ providerId: "testgateway", amount: "12.25" });

    const refunded = await act(agent, ticket.id, { kind: "REFUND", items, amount: 12.25, reason: "Chipped" });
    expect(refunded.status).toBe(201);
    expect(refunded.body.action).toMatchObject({ kind: "REFUND", status: "SUCCEEDED", amount: "12.25", requestedBy: { id: agentId, name: "Ada" } });
    expect(shop.refunds.get(order.id)).toHaveLength(1);
    expect(shop.orders.get(order.id)!.refunded_amount).toBe("12.2500");
    expect(await auditActions(ticket.id)).toEqual(["order.refund.completed"]);
    expect(await activities(ticket.id)).toEqual([expect.stringMatching(/^Refunded 12\.25 on order #\d+ \(testgateway\) by Ada$/)]);
  });

  it("refuses with 422 when the confirmed amount is not what BigCommerce quotes, and refunds nothing", async () => {
    const { order, ticket, product } = await orderTicket();
    const response = await act(agent, ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 2 }], amount: 12.25 });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: "UNPROCESSABLE", details: { quoted: "24.50", confirmed: "12.25" } });
    expect(response.body.error.message).toContain("now quotes 24.50");
    expect(shop.refunds.get(order.id)).toHaveLength(0);
    expect(await db().orderAction.count({ where: { ticketId: ticket.id } })).toBe(0);
  });

  it("records and surfaces BigCommerce's own refusal of the refund (422)", async () => {
    const { order, ticket, product } = await orderTicket();
    shop.failNext(/payment_actions\/refunds$/, 422);
    const response = await act(agent, ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }], amount: 12.25 });
    expect(response.status).toBe(422);
    expect(response.body.error.message).toContain("BigCommerce refused the refund");
    expect(shop.refunds.get(order.id)).toHaveLength(0);
    const action = await db().orderAction.findFirstOrThrow({ where: { ticketId: ticket.id }, select: { status: true, error: true } });
    expect(action.status).toBe("FAILED");
    expect(await auditActions(ticket.id)).toEqual(["order.refund.failed"]);
    expect((await activities(ticket.id))[0]).toContain("failed");
  });

  it("counts the order's earlier refunds toward the threshold: two of $75 are not a way around $100", async () => {
    const { order, ticket, product } = await orderTicket({ price: 75, quantity: 2 });
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }];
    const first = await act(agent, ticket.id, { kind: "REFUND", items, amount: 75 });
    expect(first.body.action).toMatchObject({ status: "SUCCEEDED", amount: "75.00" });
    const second = await act(agent, ticket.id, { kind: "REFUND", items, amount: 75 });
    expect(second.status).toBe(201);
    expect(second.body.action).toMatchObject({ status: "PENDING_APPROVAL", amount: "75.00" });
    expect(shop.refunds.get(order.id)).toHaveLength(1);
    expect((await activities(ticket.id)).at(-1)).toContain("with 75.00 already refunded or waiting, 150.00 in all");
    // Sent together, they still cannot both run: one waits for approval (or is refused while the other runs).
    const other = await orderTicket({ price: 75, quantity: 2 });
    const both = await Promise.all([1, 2].map(() => act(agent, other.ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: other.product.id, quantity: 1 }], amount: 75 })));
    expect(shop.refunds.get(other.order.id)).toHaveLength(1);
    const outcomes = both.map((reply) => reply.body.action?.status ?? reply.status);
    expect(outcomes).toContain("SUCCEEDED");
    expect(outcomes.filter((outcome) => outcome !== "SUCCEEDED")).toEqual([expect.toBeOneOf(["PENDING_APPROVAL", 409])]);
  });

  it("runs one refund per order at a time", async () => {
    const { order, ticket, product } = await orderTicket();
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }];
    const release = shop.hold(/payment_actions\/refunds$/);
    const first = act(agent, ticket.id, { kind: "REFUND", items, amount: 12.25 });
    // Wait until the first refund is recorded as running (BigCommerce is holding it).
    await expect.poll(() => db().orderAction.count({ where: { ticketId: ticket.id, status: "RUNNING" } })).toBe(1);
    const second = await act(supervisor, ticket.id, { kind: "REFUND", items, amount: 12.25 });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain("in progress (started by Ada)");
    release();
    expect((await first).status).toBe(201);
    expect(shop.refunds.get(order.id)).toHaveLength(1);
  });

  it("holds an agent's refund above the threshold for a supervisor, who approves it", async () => {
    const { order, ticket, product } = await orderTicket({ price: 60, quantity: 2 });
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 2 }];
    const held = await act(agent, ticket.id, { kind: "REFUND", items, amount: 120 });
    expect(held.status).toBe(201);
    expect(held.body.action).toMatchObject({ status: "PENDING_APPROVAL", amount: "120.00" });
    expect(shop.refunds.get(order.id)).toHaveLength(0);

    const pending = await supervisor<{ items: OrderActionDto[] }>(pendingRoute.GET, "/order-actions?status=PENDING_APPROVAL");
    expect(pending.body.items.map((action) => action.id)).toContain(held.body.action.id);
    const agentSeesQueue = await agent(pendingRoute.GET, "/order-actions?status=PENDING_APPROVAL");
    expect(agentSeesQueue.status).toBe(403);
    const agentApproves = await agent(approveRoute.POST, `/order-actions/${held.body.action.id}/approve`, { method: "POST", params: { id: held.body.action.id } });
    expect(agentApproves.status).toBe(403);

    const approved = await supervisor<{ action: OrderActionDto }, { id: string }>(approveRoute.POST, `/order-actions/${held.body.action.id}/approve`, { method: "POST", params: { id: held.body.action.id } });
    expect(approved.status).toBe(200);
    expect(approved.body.action).toMatchObject({ status: "SUCCEEDED", decidedBy: { name: "Sue" }, requestedBy: { name: "Ada" } });
    expect(shop.refunds.get(order.id)).toHaveLength(1);
    expect(await auditActions(ticket.id)).toEqual(["order.refund.requested", "order.refund.approved", "order.refund.completed"]);
    expect(await activities(ticket.id)).toEqual([
      expect.stringMatching(/^Ada asked to refund 120\.00 on order #\d+: above 100\.00, it waits for a supervisor's approval$/),
      expect.stringMatching(/^Sue approved the refund of 120\.00 on order #\d+ that Ada asked for$/),
      expect.stringMatching(/^Refunded 120\.00 on order #\d+ \(testgateway\) by Sue$/),
    ]);
    const again = await supervisor<ErrorBody, { id: string }>(approveRoute.POST, `/order-actions/${held.body.action.id}/approve`, { method: "POST", params: { id: held.body.action.id } });
    expect(again.status).toBe(409);
  });

  it("lets a supervisor refund above the threshold directly, and reject a held request", async () => {
    const { order, ticket, product } = await orderTicket({ price: 150, quantity: 1 });
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }];
    const held = await act(agent, ticket.id, { kind: "REFUND", items, amount: 150 });
    const rejected = await supervisor<{ action: OrderActionDto }, { id: string }>(rejectRoute.POST, `/order-actions/${held.body.action.id}/reject`, { body: { note: "Customer keeps the item" }, params: { id: held.body.action.id } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.action.status).toBe("REJECTED");
    expect(shop.refunds.get(order.id)).toHaveLength(0);

    const direct = await act(supervisor, ticket.id, { kind: "REFUND", items, amount: 150 });
    expect(direct.body.action.status).toBe("SUCCEEDED");
    expect(await auditActions(ticket.id)).toEqual(["order.refund.requested", "order.refund.rejected", "order.refund.completed"]);
  });

  it("keeps the approval on record when BigCommerce then refuses the refund", async () => {
    const { order, ticket, product } = await orderTicket({ price: 130, quantity: 1 });
    const held = await act(agent, ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }], amount: 130 });
    shop.failNext(/payment_actions\/refunds$/, 422);
    const approved = await supervisor<ErrorBody, { id: string }>(approveRoute.POST, `/order-actions/${held.body.action.id}/approve`, { method: "POST", params: { id: held.body.action.id } });
    expect(approved.status).toBe(422);
    expect(approved.body.error.message).toContain("BigCommerce refused the refund");
    expect(shop.refunds.get(order.id)).toHaveLength(0);
    expect(await db().orderAction.findUniqueOrThrow({ where: { id: held.body.action.id }, select: { status: true, decidedById: true } })).toMatchObject({ status: "FAILED", decidedById: expect.any(String) });
    expect(await auditActions(ticket.id)).toEqual(["order.refund.requested", "order.refund.approved", "order.refund.failed"]);
    expect((await activities(ticket.id)).slice(1)).toEqual([expect.stringContaining("Sue approved the refund of 130.00"), expect.stringContaining("Refund of 130.00 on order")]);
  });

  it("refuses approving and rejecting to agents (403), and another store's or a made-up action (404), changing nothing", async () => {
    const { order, ticket, product } = await orderTicket({ price: 110, quantity: 1 });
    const held = await act(agent, ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }], amount: 110 });
    const id = held.body.action.id;
    const post = (call: Caller, route: typeof approveRoute | typeof rejectRoute, actionId: string, verb: string) =>
      call<ErrorBody, { id: string }>(route.POST, `/order-actions/${actionId}/${verb}`, { method: "POST", body: verb === "reject" ? { note: "no" } : undefined, params: { id: actionId } });
    expect((await post(agent, approveRoute, id, "approve")).status).toBe(403);
    expect((await post(agent, rejectRoute, id, "reject")).status).toBe(403);

    const otherStore = await createStore();
    const outsider = await apiCallerFor(await createUser(otherStore.id, { name: "Olga", role: "SUPERVISOR" }));
    const foreignApprove = await post(outsider, approveRoute, id, "approve");
    expect(foreignApprove.status).toBe(404);
    expect(foreignApprove.body.error.code).toBe("NOT_FOUND");
    expect((await post(outsider, rejectRoute, id, "reject")).status).toBe(404);
    expect((await outsider(actionsRoute.GET, `/tickets/${ticket.id}/order-actions`, { params: { id: ticket.id } })).status).toBe(404);
    expect((await post(supervisor, approveRoute, "not-a-uuid", "approve")).status).toBe(404);
    expect((await post(supervisor, rejectRoute, "00000000-0000-4000-8000-000000000000", "reject")).status).toBe(404);

    expect(await db().orderAction.findUniqueOrThrow({ where: { id }, select: { status: true, decidedById: true } })).toEqual({ status: "PENDING_APPROVAL", decidedById: null });
    expect(shop.refunds.get(order.id)).toHaveLength(0);
    expect(await auditActions(ticket.id)).toEqual(["order.refund.requested"]);
  });

  it("passes on BigCommerce's refusal to quote more than is left to refund", async () => {
    const { ticket, product } = await orderTicket({ price: 10, quantity: 2 });
    const tooMany = await quote(agent, ticket.id, [{ item_type: "PRODUCT", item_id: product.id, quantity: 3 }]);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toBe("BigCommerce refused the refund quote: Quantity 3 of Tern mug is more than the 2 left to refund");
    expect((await quote(agent, ticket.id, [{ item_type: "PRODUCT", item_id: product.id, quantity: 2 }])).status).toBe(200);
  });

  it("refuses an approval when the quote changed since the request", async () => {
    const { order, ticket, product } = await orderTicket({ price: 80, quantity: 2 });
    const items = [{ item_type: "PRODUCT", item_id: product.id, quantity: 2 }];
    const held = await act(agent, ticket.id, { kind: "REFUND", items, amount: 160 });
    product.price_inc_tax = "70.0000";
    const approved = await supervisor<ErrorBody, { id: string }>(approveRoute.POST, `/order-actions/${held.body.action.id}/approve`, { method: "POST", params: { id: held.body.action.id } });
    expect(approved.status).toBe(422);
    expect(approved.body.error.message).toContain("now quotes 140.00");
    expect(shop.refunds.get(order.id)).toHaveLength(0);
  });

  it("answers 422 for a ticket without an order and 404 for another store's ticket", async () => {
    const { ticket } = await createTicket(store.id);
    expect((await quote(agent, ticket.id, [{ item_type: "ORDER", item_id: 1, amount: 5 }])).status).toBe(422);
    const other = await createStore();
    const { ticket: foreign } = await createTicket(other.id, { bigcommerceOrderId: 100 });
    expect((await quote(agent, foreign.id, [{ item_type: "ORDER", item_id: 1, amount: 5 }])).status).toBe(404);
    expect((await act(agent, foreign.id, { kind: "CANCEL" })).status).toBe(403);
    expect((await act(supervisor, foreign.id, { kind: "CANCEL" })).status).toBe(404);
    expect((await quote(agent, "not-a-uuid", [{ item_type: "ORDER", item_id: 1, amount: 5 }])).status).toBe(404);
    expect((await act(agent, ticket.id, { kind: "REFUND", items: [], amount: 1 })).status).toBe(422);
  });
});

describe("cancel", () => {
  it("is for supervisors and admins: an agent gets 403, a supervisor cancels the order in BigCommerce", async () => {
    const { order, ticket } = await orderTicket();
    const byAgent = await act(agent, ticket.id, { kind: "CANCEL" });
    expect(byAgent.status).toBe(403);
    expect(shop.orders.get(order.id)!.status_id).toBe(11);

    const bySupervisor = await act(supervisor, ticket.id, { kind: "CANCEL", reason: "Customer changed their mind" });
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body.action).toMatchObject({ kind: "CANCEL", status: "SUCCEEDED" });
    expect(shop.orders.get(order.id)!.status_id).toBe(5);
    expect(await auditActions(ticket.id)).toEqual(["order.cancelled"]);
    expect((await activities(ticket.id))[0]).toMatch(/^Sue cancelled order #\d+ \(was Awaiting Fulfillment\): Customer changed their mind$/);

    const twice = await act(supervisor, ticket.id, { kind: "CANCEL" });
    expect(twice.status).toBe(409);
  });
});

describe("resend tracking", () => {
  it("sends the latest tracking to the customer as a reply, with an audit entry and an activity line", async () => {
    const { order, ticket } = await orderTicket({ telegram: true });
    shop.addShipment(order.id, { trackingNumber: "1Z999AA10123456784", carrier: "ups" }, { silent: true });
    const response = await act(agent, ticket.id, { kind: "RESEND_TRACKING" });
    expect(response.status).toBe(201);
    expect(response.body.action).toMatchObject({ kind: "RESEND_TRACKING", status: "SUCCEEDED" });
    const reply = await db().message.findFirstOrThrow({ where: { ticketId: ticket.id, kind: "OUTBOUND" }, select: { body: true, channel: true, deliveryStatus: true, authorId: true } });
    expect(reply).toMatchObject({ channel: "TELEGRAM", deliveryStatus: "QUEUED", authorId: agentId });
    expect(reply.body).toContain(`order #${order.id}`);
    expect(reply.body).toContain("https://www.ups.com/track?tracknum=1Z999AA10123456784");
    expect(await auditActions(ticket.id)).toEqual(["order.tracking_resent"]);
    expect(await activities(ticket.id)).toHaveLength(1);
  });

  it("refuses when there is no tracking yet, or no Telegram chat to send it to", async () => {
    const withoutShipment = await orderTicket({ telegram: true });
    const none = await act(agent, withoutShipment.ticket.id, { kind: "RESEND_TRACKING" });
    expect(none.status).toBe(422);
    expect(none.body.error.message).toContain("no shipment with a tracking number");

    const withoutChat = await orderTicket();
    shop.addShipment(withoutChat.order.id, { trackingNumber: "1Z1" }, { silent: true });
    const noChat = await act(agent, withoutChat.ticket.id, { kind: "RESEND_TRACKING" });
    expect(noChat.status).toBe(422);
    expect(noChat.body.error.message).toContain("no verified Telegram chat");
    expect(await db().message.count({ where: { ticketId: withoutChat.ticket.id, kind: "OUTBOUND" } })).toBe(0);
  });
});

describe("listing", () => {
  it("lists a ticket's actions newest first", async () => {
    const { ticket, product } = await orderTicket();
    await act(agent, ticket.id, { kind: "REFUND", items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }], amount: 12.25 });
    await act(supervisor, ticket.id, { kind: "CANCEL" });
    const listed: ApiReply<{ items: OrderActionDto[]; permissions: OrderActionPermissions }> = await agent(actionsRoute.GET, `/tickets/${ticket.id}/order-actions`, { params: { id: ticket.id } });
    expect(listed.body.items.map((action) => action.kind)).toEqual(["CANCEL", "REFUND"]);
    expect(listed.body.permissions).toEqual({ refund: true, cancel: false, resendTracking: true, approve: false });
    const bySupervisor: ApiReply<{ permissions: OrderActionPermissions }> = await supervisor(actionsRoute.GET, `/tickets/${ticket.id}/order-actions`, { params: { id: ticket.id } });
    expect(bySupervisor.body.permissions).toEqual({ refund: true, cancel: true, resendTracking: true, approve: true });
  });
});


