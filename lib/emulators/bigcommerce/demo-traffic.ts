import type { EmulatedStore } from "./emulated-store.ts";

/**
 * Simulated shoppers for demo mode and the emulator's CLI: orders arrive, move through
 * fulfilment, ship with tracking, and now and then bring a question, a refund or a return, so an
 * inbox fed by it looks like a real store's. Every change goes through the emulated store, which
 * fires the webhooks BigCommerce would.
 */

export type DemoTrafficOptions = {
  /** Time between two changes. */
  intervalMs: number;
  /** Stop creating orders after this many (the database of a demo left running stays small). */
  maxOrders?: number;
  /** Orders created right away so the inbox is not empty. */
  initialOrders?: number;
  initialDelayMs?: number;
  random?: () => number;
  onError?: (error: unknown) => void;
};

export type DemoTraffic = { stop: () => void; step: () => void };

const CATALOG = [
  { name: "Trail Runner Shoes", sku: "TRS-42", price: 129 },
  { name: "Merino Wool Socks (3-pack)", sku: "MWS-3", price: 24.5 },
  { name: "Insulated Bottle 750 ml", sku: "IB-750", price: 32 },
  { name: "Packable Rain Jacket", sku: "PRJ-M", price: 149 },
  { name: "Headlamp 400 lm", sku: "HL-400", price: 45 },
  { name: "Compression Sack 20 L", sku: "CS-20", price: 19.99 },
  { name: "Laptop Sleeve 14\"", sku: "LS-14", price: 39 },
  { name: "USB-C Travel Charger 65 W", sku: "UC-65", price: 54 },
];

const PEOPLE: Array<[string, string]> = [
  ["Maya", "Lopez"],
  ["Jonas", "Berg"],
  ["Priya", "Nair"],
  ["Tom", "Okafor"],
  ["Lena", "Fischer"],
  ["Sam", "Carter"],
  ["Aiko", "Tanaka"],
  ["Diego", "Ruiz"],
];

const QUESTIONS = [
  "Hi! When will my order ship?",
  "Can I still change the delivery address?",
  "The tracking link does not work for me.",
  "Could you add a gift note to the parcel?",
  "Is the jacket waterproof or only water resistant?",
];

const CARRIERS = ["ups", "usps", "fedex"];

/** Where an order of this status is in the simulated fulfilment; null once it is done. */
function stageOf(statusId: number): "new" | "packing" | "shipped" | null {
  if (statusId === 1 || statusId === 7 || statusId === 11) return "new";
  if (statusId === 9) return "packing";
  if (statusId === 2 || statusId === 3) return "shipped";
  return null;
}

const COUNTRIES: Array<{ iso2: string; country: string; state: string }> = [
  { iso2: "US", country: "United States", state: "Texas" },
  { iso2: "DE", country: "Germany", state: "Berlin" },
  { iso2: "GB", country: "United Kingdom", state: "London" },
  { iso2: "JP", country: "Japan", state: "Tokyo" },
  { iso2: "CA", country: "Canada", state: "Ontario" },
];

/**
 * Accounts that exist in the store but never ordered since Tern was installed (no webhook told
 * Tern about them): what the admin's customer import brings in. Some are in the VIP or Wholesale
 * group, all carry attributes, and two are the kind of garbage a real store has, for the skip log.
 */
function seedImportableCustomers(shop: EmulatedStore, random: () => number): void {
  for (let index = 0; index < 40; index += 1) {
    const [first, last] = PEOPLE[index % PEOPLE.length]!;
    const place = COUNTRIES[index % COUNTRIES.length]!;
    shop.createCustomer(
      {
        email: `${first.toLowerCase()}.${last.toLowerCase()}.${index + 1}@example.com`,
        firstName: first,
        lastName: `${last} ${String.fromCharCode(65 + (index % 26))}.`,
        phone: `+1 555 01${String(index).padStart(2, "0")}`,
        groupId: index % 8 === 0 ? 2 : index % 5 === 0 ? 3 : 1,
        attributes: { 1: `TRN-${1000 + index}`, 2: random() < 0.5 ? "English" : "Deutsch" },
        address: { country_iso2: place.iso2, country: place.country, state: place.state },
      },
      { silent: true },
    );
  }
  shop.putRawCustomer({ first_name: "Imported", last_name: "Without email", email: "" });
  shop.putRawCustomer({ first_name: "Typo", last_name: "Email", email: "typo.example.com" });
}

export function startDemoTraffic(shop: EmulatedStore, options: DemoTrafficOptions): DemoTraffic {
  const random = options.random ?? Math.random;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const maxOrders = options.maxOrders ?? 500;
  // A store restored from an earlier run counts its orders, and its unfinished ones keep moving.
  let created = shop.orders.size;
  // Orders still moving: id → stage.
  const active = new Map<number, "new" | "packing" | "shipped">();
  for (const order of shop.orders.values()) {
    const stage = stageOf(order.status_id);
    if (stage) active.set(order.id, stage);
  }

  if (shop.customers.size === 0) {
    for (const [first, last] of PEOPLE.slice(0, 5)) shop.createCustomer({ email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`, firstName: first, lastName: last });
    seedImportableCustomers(shop, random);
  }

  function createOrder(): void {
    // Shoppers with a real account (the store's garbage records never check out).
    const accounts = [...shop.customers.values()].filter((account) => typeof account.email === "string" && account.email.includes("@") && String(account.first_name ?? "").length < 50);
    const count = 1 + Math.floor(random() * 3);
    // Distinct products, as a cart has them (one line per product).
    const products = [...CATALOG]
      .sort(() => random() - 0.5)
      .slice(0, count)
      .map((product) => ({ ...product, quantity: 1 + Math.floor(random() * 2) }));
    const [first, last] = pick(PEOPLE);
    const order =
      accounts.length && random() < 0.7
        ? shop.createOrder({ customerId: pick(accounts).id, products, shippingCost: 7.5 })
        : shop.createOrder({ guest: { email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`, firstName: first, lastName: last }, products, shippingCost: 7.5 });
    created += 1;
    active.set(order.id, "new");
  }

  function advance(orderId: number): void {
    const stage = active.get(orderId)!;
    const roll = random();
    if (stage === "new") {
      if (roll < 0.2) shop.addOrderMessage(orderId, { message: pick(QUESTIONS) });
      else {
        shop.setOrderStatus(orderId, 9);
        active.set(orderId, "packing");
      }
    } else if (stage === "packing") {
      shop.addShipment(orderId, { trackingNumber: `1Z${Math.floor(random() * 1e12).toString().padStart(12, "0")}`, carrier: pick(CARRIERS) });
      active.set(orderId, "shipped");
    } else {
      if (roll < 0.15) {
        const product = shop.products.get(orderId)?.[0];
        if (product) shop.refund(orderId, { items: [{ item_type: "PRODUCT", item_id: product.id, quantity: 1 }], reason: "Arrived damaged" });
      } else if (roll < 0.25) {
        shop.addOrderMessage(orderId, { message: "I'd like to return this, it doesn't fit. How do I send it back?" });
      } else {
        shop.setOrderStatus(orderId, 10);
      }
      active.delete(orderId);
    }
  }

  function step(): void {
    try {
      if (created < maxOrders && (active.size === 0 || random() < 0.4)) createOrder();
      else if (active.size) advance(pick([...active.keys()]));
    } catch (error) {
      options.onError?.(error);
    }
  }

  const timers: NodeJS.Timeout[] = [];
  timers.push(
    setTimeout(() => {
      // New orders, not steps: a step may move an order on instead, and a new store would open with
      // one order already completed.
      for (let index = 0; index < (options.initialOrders ?? 0) && created < maxOrders; index += 1) {
        try {
          createOrder();
        } catch (error) {
          options.onError?.(error);
        }
      }
      timers.push(setInterval(step, options.intervalMs));
    }, options.initialDelayMs ?? 0),
  );
  return {
    step,
    stop: () => {
      for (const timer of timers) {
        clearTimeout(timer);
        clearInterval(timer);
      }
    },
  };
}
