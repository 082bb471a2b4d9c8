import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";

export type ScenarioOrder = { id: number; disordered: boolean; refunded: boolean };

export type OrderScenarioOptions = {
  orders: number;
  /** How many orders live their whole life at once (created, paid, shipped, maybe refunded), for the sender to deliver out of order. */
  disordered: number;
  /** Buyers' emails: orders are guest checkouts with these, so Tern links them to known customers. */
  buyers: string[];
  /** Order creations are spread over this long; each order's later steps follow within a few seconds. */
  spreadMs: number;
  random: () => number;
  /** Makes tracking numbers unique to the run. */
  tag: string;
  /** Called as soon as an order exists, before its webhooks go out. */
  onOrder: (order: ScenarioOrder) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A store's day, sped up: orders are created, move to Awaiting Shipment, ship with a UPS tracking
 * number, and every third is partly refunded. Each change goes through the emulated store, which
 * sends BigCommerce's webhooks for it. Resolves when every order has lived its life.
 */
export async function runOrderScenario(shop: EmulatedStore, options: OrderScenarioOptions): Promise<ScenarioOrder[]> {
  const { random } = options;
  const started = Date.now();
  const lives: Promise<ScenarioOrder>[] = [];
  const every = Math.max(1, Math.floor(options.orders / Math.max(1, options.disordered)));
  for (let index = 0; index < options.orders; index += 1) {
    const startAt = started + (index * options.spreadMs) / options.orders;
    lives.push(
      (async () => {
        await sleep(Math.max(0, startAt - Date.now()));
        const disordered = index % every === 0 && index / every < options.disordered;
        const refunded = index % 3 === 1;
        const order = shop.createOrder({
          guest: { email: options.buyers[index % options.buyers.length]!, firstName: "Buyer", lastName: String(index) },
          products: [
            { name: "Kettle", sku: `K-${index}`, price: 30 },
            { name: "Mug", sku: `M-${index}`, price: 12 },
          ],
        });
        const scenario = { id: order.id, disordered, refunded };
        options.onOrder(scenario);
        const pause = () => (disordered ? Promise.resolve() : sleep(300 + random() * 1_200));
        await pause();
        shop.setOrderStatus(order.id, 9);
        await pause();
        shop.addShipment(order.id, { trackingNumber: `1ZSOAK${options.tag}N${String(index).padStart(4, "0")}`, carrier: "ups" });
        if (refunded) {
          await pause();
          const mug = shop.products.get(order.id)!.find((product) => product.name === "Mug")!;
          shop.refund(order.id, { items: [{ item_type: "PRODUCT", item_id: mug.id, quantity: 1 }], reason: "Chipped" });
        }
        return scenario;
      })(),
    );
  }
  return Promise.all(lives);
}
