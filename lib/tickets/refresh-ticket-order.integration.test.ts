import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createStore, createTicket, type TestStore } from "@/lib/testing/factories.ts";
import { renderTicketTemplate } from "@/lib/templates/render-ticket-template.ts";
import { refreshTicketOrder } from "./refresh-ticket-order.ts";

let emulator: BigcommerceEmulator;
let store: TestStore;
let shop: EmulatedStore;

beforeAll(async () => {
  emulator = await startBigcommerceEmulator();
  store = await createStore();
  shop = await connectEmulatedStore(emulator, store);
});

afterAll(async () => {
  await emulator?.close();
});

const SHIPMENT_TEMPLATE = "Order #[order_id] ([order_total]) shipped on [shipment_date] with [carrier]: [tracking_url]";

async function template(body: string) {
  return db().template.create({ data: { storeId: store.id, name: `T ${Math.random()}`, body }, select: { id: true } });
}

describe("refreshTicketOrder and renderTicketTemplate", () => {
  it("reads the order from BigCommerce on demand; the template is refused until the shipment exists, then filled from it", async () => {
    const order = shop.createOrder({ guest: { email: "vic@example.com", firstName: "Vic", lastName: "Tor" }, products: [{ name: "Kettle", sku: "KT-1", price: 30 }] }, { silent: true });
    const { ticket } = await createTicket(store.id, { subject: "Where is my kettle?", bigcommerceOrderId: order.id });
    const { id: templateId } = await template(SHIPMENT_TEMPLATE);
    const render = () => renderTicketTemplate(db(), { storeId: store.id, ticketId: ticket.id, templateId, agentName: "Ada" });

    // Nothing read from BigCommerce yet: no order values at all.
    await expect(render()).rejects.toMatchObject({ code: "UNPROCESSABLE", details: { missing: ["order_id", "order_total", "shipment_date", "carrier", "tracking_url"] } });

    const first = await refreshTicketOrder(db(), { storeId: store.id, ticketId: ticket.id });
    expect(first.order).toMatchObject({ orderId: order.id, items: [{ name: "Kettle", sku: "KT-1" }], shipments: [] });
    await expect(render()).rejects.toMatchObject({
      message: "Template cannot be used: this ticket's order has no [shipment_date], [carrier], [tracking_url].",
    });

    shop.addShipment(order.id, { trackingNumber: "1Z999", carrier: "ups" }, { silent: true });
    const second = await refreshTicketOrder(db(), { storeId: store.id, ticketId: ticket.id });
    expect(second.order?.shipments).toEqual([expect.objectContaining({ trackingNumber: "1Z999", carrier: "UPS", trackingUrl: "https://www.ups.com/track?tracknum=1Z999" })]);
    const rendered = await render();
    expect(rendered.text).toMatch(new RegExp(`^Order #${order.id} \\(\\$\\d+\\.\\d{2}\\) shipped on .+ with UPS: https://www\\.ups\\.com/track\\?tracknum=1Z999$`));
    expect(rendered.values).toMatchObject({ order_id: String(order.id), carrier: "UPS", tracking_url: "https://www.ups.com/track?tracknum=1Z999" });
  });

  it("fills the agent's name and refuses another store's template or ticket", async () => {
    const { ticket } = await createTicket(store.id, { subject: "Hello", customer: { name: "Nia" } });
    const { id: templateId } = await template("Hi [customer_name], [agent_name] here.");
    expect((await renderTicketTemplate(db(), { storeId: store.id, ticketId: ticket.id, templateId, agentName: "Ada" })).text).toBe("Hi Nia, Ada here.");
    const other = await createStore();
    await expect(renderTicketTemplate(db(), { storeId: other.id, ticketId: ticket.id, templateId, agentName: "Ada" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("explains a ticket without an order and a store BigCommerce cannot be asked about", async () => {
    const { ticket } = await createTicket(store.id, { subject: "No order" });
    await expect(refreshTicketOrder(db(), { storeId: store.id, ticketId: ticket.id })).rejects.toMatchObject({ code: "UNPROCESSABLE", message: "This ticket has no BigCommerce order to refresh" });
    const offline = await createStore();
    const { ticket: orphan } = await createTicket(offline.id, { subject: "Order elsewhere", bigcommerceOrderId: 5 });
    await expect(refreshTicketOrder(db(), { storeId: offline.id, ticketId: orphan.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});
