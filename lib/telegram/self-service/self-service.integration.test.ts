import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signStartToken } from "@/lib/chat-links/start-link.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedCustomer } from "@/lib/emulators/telegram/emulated-users.ts";
import { startTelegramHarness, type TelegramHarness } from "@/lib/testing/telegram-harness.ts";

// Self-service on Telegram end to end: the emulated customer writes and presses buttons, Tern's
// webhook and worker handle it, the production BigCommerce client talks to the emulated store.

let harness: TelegramHarness;
let nextChat = 930_000;

beforeAll(async () => {
  harness = await startTelegramHarness();
});

afterAll(async () => {
  await harness.close();
});

function chat(firstName: string): EmulatedCustomer {
  nextChat += 1;
  return harness.bot.customer(nextChat, { firstName });
}

function texts(customer: EmulatedCustomer): string[] {
  return customer.received().map((sent) => sent.text ?? sent.caption ?? "");
}

const last = (customer: EmulatedCustomer) => texts(customer).at(-1) ?? "";

/** A button press whose data the client made up (Telegram lets a modified client send any callback data). */
function forgeButton(customer: EmulatedCustomer, data: string): void {
  harness.bot.state.pushUpdate({ callback_query: { id: randomBytes(8).toString("hex"), from: customer.user, chat_instance: String(customer.chatId), data } });
}

async function act(step: () => unknown): Promise<void> {
  step();
  await harness.settle();
}

/** A shopper with an account and an order, whose chat proved the order (number + billing email). */
async function verifiedAccountChat(name: string, options: { statusId?: number } = {}) {
  const email = `${name.toLowerCase()}-${randomBytes(3).toString("hex")}@example.com`;
  const shopper = harness.shop.createCustomer({ email, firstName: name, lastName: "Self", phone: "+1 512 555 0100" }, { silent: true });
  const order = harness.shop.createOrder({ customerId: shopper.id, products: [{ name: "Boots", sku: "BOO-1", price: 120 }], statusId: options.statusId }, { silent: true });
  const customer = chat(name);
  await act(() => customer.sendText(`${order.id} ${email}`));
  expect(last(customer)).toContain(`I found order #${order.id}`);
  const identity = await db().channelIdentity.findFirstOrThrow({ where: { storeId: harness.store.id, externalId: String(customer.chatId) }, select: { id: true, customerId: true } });
  const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: harness.store.id, channelIdentityId: identity.id }, select: { id: true } });
  return { shopper, order, customer, identity, ticketId: ticket.id, email };
}

async function audits(ticketId: string) {
  return db().auditLog.findMany({ where: { storeId: harness.store.id, targetType: "ticket", targetId: ticketId, action: { startsWith: "self_service." } }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, detail: true } });
}

async function thread(ticketId: string): Promise<string[]> {
  const rows = await db().message.findMany({ where: { ticketId, kind: "ACTIVITY", meta: { path: ["type"], equals: "self_service" } }, orderBy: { createdAt: "asc" }, select: { body: true } });
  return rows.map((row) => row.body);
}

describe("who may use self-service", () => {
  it("an unverified chat is told how to verify, for commands and for forged buttons alike", async () => {
    const stranger = chat("Mallory");
    await act(() => stranger.sendCommand("products", "terrarium"));
    expect(last(stranger)).toContain("once I know who you are");
    await act(() => forgeButton(stranger, "ss:checkout"));
    await act(() => forgeButton(stranger, "ss:ao:101"));
    expect(texts(stranger).filter((text) => text.includes("once I know who you are"))).toHaveLength(3);
    expect(harness.shop.catalog.carts.size).toBe(0);
    expect(await db().auditLog.count({ where: { storeId: harness.store.id, action: { startsWith: "self_service." } } })).toBe(0);
  });

  it("a chat pressing buttons in a loop is slowed down before it spends the store's API quota", async () => {
    const { customer } = await verifiedAccountChat("Loop");
    const calls = () => harness.bigcommerce.requests.filter((request) => request.storeHash === harness.shop.hash && request.path.includes("/v3/catalog/products")).length;
    const before = calls();
    for (let press = 0; press < 45; press += 1) forgeButton(customer, "ss:m:search");
    for (let search = 0; search < 3; search += 1) customer.sendCommand("products", "pebble");
    await harness.settle();
    expect(texts(customer).filter((text) => text.includes("That's a lot at once"))).toHaveLength(8);
    expect(calls()).toBe(before);
  });

  it("/help shows a verified chat the menu of buttons", async () => {
    const { customer } = await verifiedAccountChat("Mena");
    await act(() => customer.sendCommand("help"));
    const menu = customer.received().at(-1)!;
    expect(menu.text).toContain("/products");
    expect(menu.replyMarkup?.inline_keyboard.flat().map((button) => button.callback_data)).toEqual(["ss:m:search", "ss:m:cart", "ss:m:address", "ss:m:phone"]);
  });
});

describe("products and the cart", () => {
  it("finds products by name with picture, price and stock, builds a cart and sends its checkout link", async () => {
    const { shopper, customer, ticketId } = await verifiedAccountChat("Olga");
    await act(() => customer.sendCommand("menu"));
    await act(() => customer.pressButton("ss:m:search"));
    expect(last(customer)).toContain("Send a product name or SKU");
    await act(() => customer.sendText("terrarium"));

    const sent = customer.received().slice(-3);
    expect(sent[0]!.text).toBe('Here are 2 products I found for "terrarium":');
    const large = sent.find((entry) => entry.caption?.startsWith("Orbit Terrarium, large"))!;
    expect(large.method).toBe("sendPhoto");
    expect(large.photoUrl).toMatch(/\/images\/\d+\.svg$/);
    expect(large.caption).toBe("Orbit Terrarium, large\nSKU: OTS-L\nPrice: 39.90\nIn stock: 14");
    const small = sent.find((entry) => entry.caption?.startsWith("Orbit Terrarium, small"))!;
    expect(small.caption).toContain("Out of stock");
    expect(small.replyMarkup).toBeUndefined();

    await act(() => customer.pressButton("🛒 Add to cart"));
    expect(last(customer)).toBe("How many of Orbit Terrarium, large? Tap a number or send one from 1 to 99.");
    await act(() => customer.sendText("2"));
    expect(last(customer)).toContain("Added 2 × Orbit Terrarium, large.");
    expect(last(customer)).toContain("2 × Orbit Terrarium, large (OTS-L) — 79.80");

    // Pressed twice before the first is handled: one cart, one link.
    customer.pressButton("ss:checkout");
    await act(() => customer.pressButton("ss:checkout"));
    expect(texts(customer).filter((text) => text.includes("Your cart is ready"))).toHaveLength(1);
    expect(last(customer)).toContain("Your cart is empty");
    const link = customer.received().findLast((sent) => sent.text?.includes("Your cart is ready"))!;
    expect(link.text).toContain("Your cart is ready");
    const url = link.replyMarkup?.inline_keyboard[0]?.[0]?.url ?? "";
    expect(url).toMatch(/^https:\/\/.+\/cart\.php\?action=loadInCheckout&id=[0-9a-f-]{36}&token=/);
    const cart = harness.shop.catalog.carts.get(new URL(url).searchParams.get("id")!)!;
    expect(cart.customer_id).toBe(shopper.id);
    expect(cart.line_items.physical_items.map((item) => [item.sku, item.quantity])).toEqual([["OTS-L", 2]]);

    expect(await audits(ticketId)).toEqual([
      { action: "self_service.product_search", actorId: null, detail: { term: "terrarium", results: 2 } },
      { action: "self_service.checkout_link", actorId: null, detail: { cartId: cart.id, lines: 1, items: 2, amount: 79.8, currency: "USD" } },
    ]);
    const entries = await thread(ticketId);
    expect(entries[0]).toContain('searched the catalog for "terrarium": 2 found');
    expect(entries[1]).toContain(`checkout link for a cart of 2 × Orbit Terrarium, large (OTS-L) — 79.80 (BigCommerce cart ${cart.id}`);
    // The single-use link goes to the chat only.
    expect(entries.join("\n")).not.toContain("token=");
    // The cart is spent: the next /cart is empty.
    await act(() => customer.sendCommand("cart"));
    expect(last(customer)).toContain("Your cart is empty");
  });

  it("offers one button per option, refuses products it did not offer and quantities out of bounds", async () => {
    const { customer, ticketId } = await verifiedAccountChat("Pia");
    await act(() => customer.sendCommand("products", "FERN-3"));
    const fern = customer.received().at(-1)!;
    expect(fern.caption).toContain("Options: Green, Variegated");
    expect(fern.replyMarkup?.inline_keyboard.flat().map((button) => button.text)).toEqual(["🛒 Add Green", "🛒 Add Variegated"]);

    // A product that exists but was not offered in this chat, and nonsense ids.
    const hidden = harness.shop.catalog.addProduct({ name: "Staff-only sample", sku: "STAFF-1", price: 1, inventory: 5, visible: false });
    await act(() => forgeButton(customer, `ss:add:${hidden.id}:${hidden.variants![0]!.id}`));
    expect(last(customer)).toContain("no longer in the list I showed you");
    const before = customer.received().length;
    await act(() => forgeButton(customer, "ss:q:100"));
    await act(() => forgeButton(customer, "ss:add:0:0"));
    expect(customer.received()).toHaveLength(before);

    await act(() => customer.pressButton("🛒 Add Variegated"));
    // 150 is no quantity: the message goes on to the conversation, and the question stays open.
    await act(() => customer.sendText("150"));
    expect(await db().message.count({ where: { ticketId, kind: "INBOUND", body: "150" } })).toBe(1);
    await act(() => customer.pressButton("3"));
    expect(last(customer)).toContain("3 × Fern trio (Variegated) (FERN-3-V) — 63.00");
  });

  it("says plainly when BigCommerce refuses the cart or cannot be reached, and notes it for agents", async () => {
    const { customer, ticketId } = await verifiedAccountChat("Quinn");
    await act(() => customer.sendCommand("products", "OTS-L"));
    await act(() => customer.pressButton("🛒 Add to cart"));
    await act(() => customer.sendText("20"));
    await act(() => customer.pressButton("ss:checkout"));
    expect(last(customer)).toContain("couldn't make that cart");
    // The lines are back for another try.
    await act(() => customer.sendCommand("cart"));
    expect(last(customer)).toContain("20 × Orbit Terrarium, large");
    expect((await thread(ticketId)).at(-1)).toContain("Self-service failed: cart of 20 × Orbit Terrarium, large (OTS-L) — 798.00. BigCommerce answered 422 to POST /v3/carts: Orbit Terrarium, large does not have sufficient stock");

    harness.shop.failNext(/\/v3\/catalog\/products/, 500);
    await act(() => customer.sendCommand("products", "moss"));
    expect(last(customer)).toContain("can't reach the shop right now");
    expect((await thread(ticketId)).at(-1)).toContain("BigCommerce answered 500 to GET /v3/catalog/products");
    expect((await audits(ticketId)).map((row) => row.action)).toEqual(["self_service.product_search"]);
  });

  it("a picture Telegram cannot fetch still leaves the product's words and buttons", async () => {
    const { customer } = await verifiedAccountChat("Wren");
    harness.bot.failNext("sendPhoto", { error_code: 400, description: "Bad Request: wrong file identifier/HTTP URL specified", chatId: customer.chatId });
    await act(() => customer.sendCommand("products", "pebble"));
    const sent = customer.received().at(-1)!;
    expect(sent.method).toBe("sendMessage");
    expect(sent.text).toBe("Pebble set\nSKU: PEB-1\nPrice: 6.50\nIn stock: 120");
    expect(sent.replyMarkup?.inline_keyboard.flat().map((button) => button.text)).toEqual(["🛒 Add to cart"]);
  });

  it("a chat verified by its customer link, with no conversation yet, gets a watched ticket for the record", async () => {
    const shopper = harness.shop.createCustomer({ email: "rae.link@example.com", firstName: "Rae", lastName: "Link" }, { silent: true });
    const customer = chat("Rae");
    await act(() => customer.sendCommand("start", signStartToken(harness.store.id, { kind: "customer", bigcommerceCustomerId: shopper.id }).token));
    await act(() => customer.sendCommand("products", "pebble"));
    expect(customer.received().at(-1)?.caption).toContain("Pebble set");
    const ticket = await db().ticket.findFirstOrThrow({ where: { storeId: harness.store.id, channelIdentity: { externalId: String(customer.chatId) } }, select: { id: true, workSince: true, assigneeId: true, tags: true } });
    expect(ticket).toMatchObject({ workSince: null, assigneeId: null });
    expect((await audits(ticket.id)).map((row) => row.action)).toEqual(["self_service.product_search"]);
  });
});

describe("changing an order's address", () => {
  it("lists unshipped orders, shows old and new, and changes the address once confirmed", async () => {
    const { order, customer, ticketId } = await verifiedAccountChat("Sami");
    await act(() => customer.sendCommand("address"));
    expect(customer.received().at(-1)?.replyMarkup?.inline_keyboard.flat().map((button) => button.callback_data)).toEqual([`ss:ao:${order.id}`]);
    await act(() => customer.pressButton(`Order #${order.id}`));
    expect(last(customer)).toContain(`Order #${order.id} will ship to:\n12 Harbour Road\n78701 Austin\nTexas\nUnited States`);
    await act(() => customer.sendText("nowhere"));
    expect(last(customer)).toContain("doesn't look like an address");
    await act(() => customer.sendText("5 Quay Street\nBristol\nBS1 4DJ\nUnited Kingdom"));
    expect(last(customer)).toBe(`Change the delivery address of order #${order.id}?\n\nFrom:\n12 Harbour Road\n78701 Austin\nTexas\nUnited States\n\nTo:\n5 Quay Street\nBS1 4DJ Bristol\nUnited Kingdom`);
    // Nothing changed before the confirmation.
    expect(harness.shop.shippingAddresses.get(order.id)![0]!.street_1).toBe("12 Harbour Road");
    await act(() => customer.pressButton("✅ Yes, change it"));
    expect(last(customer)).toBe(`Done: order #${order.id} will ship to\n5 Quay Street\nBS1 4DJ Bristol\nUnited Kingdom`);
    expect(harness.shop.shippingAddresses.get(order.id)![0]).toMatchObject({ street_1: "5 Quay Street", city: "Bristol", state: "", zip: "BS1 4DJ", country: "United Kingdom" });
    // Pressed again: it acted once.
    await act(() => customer.pressButton("✅ Yes, change it"));
    expect(last(customer)).toContain("nothing waiting for your answer");
    expect(await audits(ticketId)).toEqual([{ action: "self_service.address_change", actorId: null, detail: { orderId: order.id, addressId: harness.shop.shippingAddresses.get(order.id)![0]!.id } }]);
    expect((await thread(ticketId)).at(-1)).toBe(
      `Self-service: the customer changed the shipping address of order #${order.id} from "12 Harbour Road, 78701 Austin, Texas, United States" to "5 Quay Street, BS1 4DJ Bristol, United Kingdom".`,
    );
  });

  it("refuses in plain words a shipped order, and someone else's order", async () => {
    const { order, customer, ticketId } = await verifiedAccountChat("Tove");
    const other = await verifiedAccountChat("Uma");
    await act(() => forgeButton(customer, `ss:ao:${other.order.id}`));
    expect(last(customer)).toBe(`I can only change orders placed with your details. Order #${other.order.id} isn't one of them.`);

    // Picked while unshipped, shipped before the confirmation.
    await act(() => customer.sendCommand("menu"));
    await act(() => customer.pressButton("🏠 Change delivery address"));
    await act(() => customer.pressButton(`Order #${order.id}`));
    await act(() => customer.sendText("9 Elm Road\nAustin\nTexas\n78702\nUnited States"));
    harness.shop.addShipment(order.id, { trackingNumber: "1ZTEST" }, { silent: true });
    await act(() => customer.pressButton("✅ Yes, change it"));
    expect(last(customer)).toBe(`Order #${order.id} has already shipped, so its delivery address can't be changed any more. Write here if you need help: a person will reply.`);
    expect(harness.shop.shippingAddresses.get(order.id)![0]!.street_1).toBe("12 Harbour Road");
    expect(harness.shop.shippingAddresses.get(other.order.id)![0]!.street_1).toBe("12 Harbour Road");
    await act(() => customer.sendCommand("address"));
    expect(last(customer)).toContain("None of your orders can have its delivery address changed");
    expect(await audits(ticketId)).toEqual([]);
  });
});

describe("changing the account's phone", () => {
  it("asks, confirms with old and new, and changes it in BigCommerce", async () => {
    const { shopper, customer, ticketId } = await verifiedAccountChat("Vera");
    await act(() => customer.sendCommand("phone"));
    expect(last(customer)).toContain("Your account's phone number is +1 512 555 0100");
    await act(() => customer.sendText("call me"));
    expect(last(customer)).toContain("doesn't look like a phone number");
    await act(() => customer.sendText("+44 20 7946 0958"));
    expect(last(customer)).toBe("Change your account's phone number?\n\nFrom: +1 512 555 0100\nTo: +44 20 7946 0958");
    await act(() => customer.pressButton("✅ Yes, change it"));
    expect(last(customer)).toBe("Done: your account's phone number is now +44 20 7946 0958.");
    expect(harness.shop.customers.get(shopper.id)!.phone).toBe("+44 20 7946 0958");
    expect(await audits(ticketId)).toEqual([{ action: "self_service.phone_change", actorId: null, detail: { bigcommerceCustomerId: shopper.id } }]);
    expect((await thread(ticketId)).at(-1)).toContain("from +1 512 555 0100 to +44 20 7946 0958");
  });

  it("a guest has no account phone; /cancel drops a pending question", async () => {
    const email = `guest-${randomBytes(3).toString("hex")}@example.com`;
    const order = harness.shop.createOrder({ guest: { email, firstName: "Gus", lastName: "Guest" }, products: [{ name: "Hat", sku: "H-1", price: 10 }] }, { silent: true });
    const customer = chat("Gus");
    await act(() => customer.sendText(`${order.id} ${email}`));
    await act(() => customer.sendCommand("phone"));
    expect(last(customer)).toContain("placed as a guest");
    // A guest can still change the proved order's address.
    await act(() => customer.sendCommand("address"));
    await act(() => customer.pressButton(`Order #${order.id}`));
    await act(() => customer.sendCommand("cancel"));
    expect(last(customer)).toBe("OK, stopped. Nothing was changed.");
    await act(() => customer.sendText("1 Main St\nTown\n12345\nUnited States"));
    // Not read as an address any more: an ordinary message to the conversation.
    expect(await db().message.count({ where: { storeId: harness.store.id, kind: "INBOUND", body: "1 Main St\nTown\n12345\nUnited States" } })).toBe(1);

    // A question left unanswered expires: afterwards the answer is an ordinary message too.
    await act(() => customer.sendCommand("products"));
    await db().selfServiceStep.updateMany({ where: { storeId: harness.store.id, chatIdentity: { externalId: String(customer.chatId) }, slot: "prompt" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await act(() => customer.sendText("moss refill"));
    expect(await db().message.count({ where: { storeId: harness.store.id, kind: "INBOUND", body: "moss refill" } })).toBe(1);
    expect(last(customer)).not.toContain("Moss refill pack");
  });
});
