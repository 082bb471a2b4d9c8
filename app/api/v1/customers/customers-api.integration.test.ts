import { beforeAll, describe, expect, it } from "vitest";
import type { CustomerDetail } from "@/lib/customers/get-customer.ts";
import type { CustomerPage } from "@/lib/customers/list-customers.ts";
import { db } from "@/lib/db/client.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { createCustomer, createStore, createTicket, createUser, type TestCustomer, type TestStore } from "@/lib/testing/factories.ts";
import * as customerRoute from "./[id]/route.ts";
import * as customersRoute from "./route.ts";

let store: TestStore;
let call: Awaited<ReturnType<typeof apiCallerFor>>;
let vip: TestCustomer;

beforeAll(async () => {
  store = await createStore();
  call = await apiCallerFor(await createUser(store.id));
  vip = await createCustomer(store.id, { name: "Vera Important", email: "vera@example.com", tier: "VIP", telegramChatId: "77" });
  await createCustomer(store.id, { name: "Sam Standard" });
  await createCustomer((await createStore()).id, { name: "Vera Elsewhere" });
});

describe("/api/v1/customers", () => {
  it("lists the store's customers, filtered by text or tier, with cursor paging", async () => {
    const byText = await call<CustomerPage>(customersRoute.GET, "/customers?q=vera");
    expect(byText.body.items.map((customer) => customer.name)).toEqual(["Vera Important"]);
    expect(byText.body.items[0]!.telegram).toEqual({ username: null, displayName: null, blocked: false });
    const vips = await call<CustomerPage>(customersRoute.GET, "/customers?tier=VIP");
    expect(vips.body.items.map((customer) => customer.id)).toEqual([vip.id]);
    const first = await call<CustomerPage>(customersRoute.GET, "/customers?limit=1");
    expect(first.body.items).toHaveLength(1);
    const second = await call<CustomerPage>(customersRoute.GET, `/customers?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]!.id).not.toBe(first.body.items[0]!.id);
    expect((await call(customersRoute.GET, "/customers?tier=GOLD")).status).toBe(422);
  });

  it("gets one customer with their tickets and orders; another store's is not found", async () => {
    const { ticket } = await createTicket(store.id, { subject: "Vera's question", customerId: vip.id });
    await db().orderSnapshot.create({ data: { storeId: store.id, bigcommerceOrderId: 310, customerId: vip.id, totalIncTax: "12.5", order: {} }, select: { id: true } });
    const detail = await call<CustomerDetail>(customerRoute.GET, `/customers/${vip.id}`, { params: { id: vip.id } });
    expect(detail.status).toBe(200);
    expect(detail.body.customer).toMatchObject({ name: "Vera Important", tier: "VIP" });
    expect(detail.body.tickets.map((row) => row.id)).toEqual([ticket.id]);
    expect(detail.body.orders).toEqual([expect.objectContaining({ orderId: 310, total: "12.50" })]);

    const outsider = await apiCallerFor(await createUser((await createStore()).id));
    expect((await outsider(customerRoute.GET, `/customers/${vip.id}`, { params: { id: vip.id } })).status).toBe(404);
  });
});
