import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore, createTicket } from "@/lib/testing/factories.ts";
import { getTicketContext } from "./get-ticket-context.ts";

describe("getTicketContext", () => {
  it("shows the ticket's order, the customer with tier and Telegram, their other orders and tickets", async () => {
    const store = await createStore();
    const carol = await createCustomer(store.id, { name: "Carol", tier: "VIP", telegramChatId: "555" });
    const snapshot = await db().orderSnapshot.create({
      data: {
        storeId: store.id,
        bigcommerceOrderId: 120,
        customerId: carol.id,
        status: "Shipped",
        statusId: 2,
        totalIncTax: "69.84",
        currency: "USD",
        order: { id: 120, date_created: "Tue, 20 Nov 2012 00:00:00 +0000", billing_address: { first_name: "Carol", last_name: "K", city: "Austin" } },
        products: [{ id: 1, name: "Mug", sku: "MUG-1", quantity: 2, total_inc_tax: "19.9000" }],
        shipments: [{ id: 9, tracking_number: "1Z", tracking_carrier: "ups", tracking_link: "https://track.example/1Z" }],
      },
      select: { id: true },
    });
    await db().orderSnapshot.create({ data: { storeId: store.id, bigcommerceOrderId: 99, customerId: carol.id, status: "Completed", order: {} }, select: { id: true } });
    const older = await createTicket(store.id, { subject: "Older question", customerId: carol.id });
    const { ticket } = await createTicket(store.id, { subject: "Where is it", customerId: carol.id, bigcommerceOrderId: 120 });
    await db().ticket.update({ where: { id: ticket.id }, data: { orderSnapshotId: snapshot.id } });

    const context = await getTicketContext(db(), { storeId: store.id, ticketId: ticket.id });
    expect(context.customer).toMatchObject({ name: "Carol", tier: "VIP", telegram: { blocked: false } });
    expect(context.order).toMatchObject({
      orderId: 120,
      status: "Shipped",
      total: "69.84",
      items: [{ name: "Mug", sku: "MUG-1", quantity: 2, total: "19.90" }],
      shipments: [{ trackingNumber: "1Z", carrier: "UPS", trackingUrl: "https://track.example/1Z" }],
      billingAddress: { name: "Carol K", lines: ["Austin"] },
    });
    expect(context.otherOrders.map((order) => order.orderId)).toEqual([99]);
    expect(context.otherTickets.map((other) => other.id)).toEqual([older.ticket.id]);
  });

  it("names the order even before a snapshot exists, and hides other stores' tickets", async () => {
    const store = await createStore();
    const { ticket } = await createTicket(store.id, { subject: "No snapshot", bigcommerceOrderId: 5 });
    const context = await getTicketContext(db(), { storeId: store.id, ticketId: ticket.id });
    expect(context).toMatchObject({ order: null, bigcommerceOrderId: 5, customer: null, otherOrders: [], otherTickets: [] });
    await expect(getTicketContext(db(), { storeId: (await createStore()).id, ticketId: ticket.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
