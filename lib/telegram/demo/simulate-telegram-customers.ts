import { signStartToken } from "@/lib/chat-links/start-link.ts";
import { bigcommerceClientForStore } from "@/lib/bigcommerce/bigcommerce-client-for-store.ts";
import type { Db } from "@/lib/db/client.ts";
import { DEMO_PHOTOS } from "@/lib/emulators/telegram/demo-photos.ts";
import type { EmulatedCustomer } from "@/lib/emulators/telegram/emulated-users.ts";
import type { EmulatorBot } from "@/lib/emulators/telegram/start-telegram-emulator.ts";

const NAMES = ["Maya", "Lucas", "Aiko", "Omar", "Sofia", "Jonas", "Priya", "Mateo", "Zoe", "Kwame", "Elif", "Noah"];
const REASONS = ["📦 Where is my order?", "↩️ Return an item", "💶 Refund", "💬 Something else"];
const OPENERS = [
  "Hi, my parcel hasn't arrived yet",
  "The jacket I got is the wrong size",
  "I was charged twice for my order",
  "Can I still change my delivery address?",
  "One item was missing from the box",
];
const FOLLOW_UPS = ["Any update on this?", "Thanks, waiting for your answer", "Here is a photo of the damage", "Could you check again please?"];

const STEP_MS = 3_000;
// Products of the starter catalog (lib/emulators/bigcommerce/emulated-catalog.ts) that have an "Add to cart" button.
const WANTED = ["terrarium", "moss", "pebble"];
/** Share of verified demo customers who also help themselves (find a product, get a checkout link). */
const SELF_SERVICE_SHARE = 0.35;

type Conversation = { customer: EmulatedCustomer; steps: Array<() => void>; seen: number; retries: number; first: boolean; done?: boolean };

/** Share of simulated customers who find the offered knowledge-base article answers them. */
const KB_YES_SHARE = 0.6;

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

/** An order the demo store knows, for the simulated customer to be its buyer; null when BigCommerce has none yet. */
async function someOrder(db: Db, storeId: string): Promise<{ id: number; email: string | null } | null> {
  const client = await bigcommerceClientForStore(db, storeId).catch(() => null);
  if (!client) return null;
  const orders = await client.listOrders({ sort: "date_created:desc", limit: 50 }).catch(() => []);
  if (!orders.length) return null;
  const order = pick(orders);
  return { id: order.id, email: order.billing_address.email ?? null };
}

/** How a simulated customer proves who they are, as real ones would (verified: whether they will have). */
function arrival(customer: EmulatedCustomer, storeId: string, order: { id: number; email: string | null } | null): { verified: boolean; steps: Array<() => void> } {
  const roll = Math.random();
  // Most tap the "Chat with us on Telegram" link from their order confirmation (a signed link).
  if (order && roll < 0.6) return { verified: true, steps: [() => customer.sendCommand("start", signStartToken(storeId, { kind: "order", orderId: order.id }).token), () => customer.sendText(pick(OPENERS))] };
  const proof = order?.email && roll < 0.85 ? `${order.id} ${order.email}` : null;
  return { verified: Boolean(proof), steps: [
    () => customer.sendCommand("start"),
    () => customer.pressButton(pick(REASONS)),
    () => customer.sendText(pick(OPENERS)),
    // Others give the order number with its billing email, or go on without an order (unverified).
    () => (proof ? customer.sendText(proof) : customer.pressButton("intake:skip")),
  ] };
}

/** A verified customer's self-service: a product search, one in the cart, its checkout link (buttons retried until the bot sent them). */
function selfService(customer: EmulatedCustomer): Array<() => void> {
  return [() => customer.sendCommand("products", pick(WANTED)), () => customer.pressButton("🛒 Add to cart"), () => customer.pressButton("ss:q:1"), () => customer.pressButton("ss:checkout")];
}

/**
 * Demo mode's Telegram customers: every so often someone new arrives through their order's
 * signed link, or starts the bot and proves their order (or goes on without one); people with a
 * ticket write follow-ups and photos, thank agents for replies and answer the satisfaction
 * question. Everything goes through the emulator and Tern's real webhook, like real traffic.
 */
export function startSimulatedCustomers(input: { db: Db; storeId: string; bot: EmulatorBot; log: (line: string) => void; intervalMs?: number }): { stop: () => Promise<void> } {
  const intervalMs = input.intervalMs ?? 15_000;
  // New people arrive every intervalMs or so; someone in a conversation answers within seconds.
  const stepMs = Math.min(intervalMs, STEP_MS);
  let nextArrivalAt = 0;
  const conversations: Conversation[] = [];
  let nextChat = 5_100_000 + Math.floor(Math.random() * 10_000) * 10;
  let stopped = false;

  async function newConversation(): Promise<void> {
    const customer = input.bot.customer(++nextChat, { firstName: pick(NAMES) });
    const order = await someOrder(input.db, input.storeId);
    const first = conversations.length === 0;
    const arrived = arrival(customer, input.storeId, order);
    conversations.push({
      customer,
      seen: 0,
      retries: 0,
      first,
      steps: [
        ...arrived.steps,
        ...(arrived.verified && Math.random() < SELF_SERVICE_SHARE ? selfService(customer) : []),
        // The first customer of a run always shows a photo, so a new demo shows one within its first minute.
        () => (first || Math.random() < 0.5 ? customer.sendPhoto({ caption: "Photo attached", photo: pick(DEMO_PHOTOS) }) : customer.sendText(pick(FOLLOW_UPS))),
      ],
    });
  }

  /**
   * Reacts to what the bot sent since last time: answer a knowledge-base article (most find it
   * helps and leave; the others ask for a person), rate when asked, sometimes thank an agent. The
   * run's first customer reads the article and carries on, so a new demo's first minute still
   * shows their photo in the queue.
   */
  function react(conversation: Conversation): void {
    const received = conversation.customer.received();
    const fresh = received.slice(conversation.seen);
    conversation.seen = received.length;
    for (const message of fresh) {
      const buttons = message.replyMarkup?.inline_keyboard.flat() ?? [];
      const rating = buttons.find((button) => button.callback_data?.startsWith("csat:") && button.callback_data.endsWith(`:${pick([3, 4, 4, 5, 5])}`));
      const article = buttons.filter((button) => button.callback_data?.startsWith("kb:"));
      if (article.length === 2 && !conversation.first) {
        const helped = Math.random() < KB_YES_SHARE;
        conversation.customer.pressButton(article[helped ? 0 : 1]!.callback_data!);
        // Answered: nothing more to say.
        if (helped) {
          conversation.steps.length = 0;
          conversation.done = true;
        }
      } else if (rating?.callback_data) conversation.customer.pressButton(rating.callback_data);
      else if (!message.replyMarkup && message.text && !/^(Thanks|Glad)/.test(message.text) && Math.random() < 0.25) conversation.steps.push(() => conversation.customer.sendText("Thank you!"));
    }
  }

  async function tick(): Promise<void> {
    if (conversations.length < 40 && Date.now() >= nextArrivalAt) {
      nextArrivalAt = Date.now() + intervalMs * (conversations.length === 0 ? 1 : 1 + Math.random() * 1.5);
      await newConversation();
    }
    for (const conversation of conversations) {
      react(conversation);
      const step = conversation.steps[0];
      if (!step) continue;
      try {
        step();
        conversation.steps.shift();
        conversation.retries = 0;
      } catch (error) {
        // A button the bot has not sent yet: try again next tick, then give up on that step.
        conversation.retries += 1;
        if (conversation.retries < 5) continue;
        conversation.steps.shift();
        conversation.retries = 0;
        input.log(`demo telegram customer: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const talking = conversations.filter((conversation) => !conversation.done);
    if (Math.random() < 0.15 * (stepMs / intervalMs) && talking.length) {
      const idle = pick(talking);
      if (!idle.steps.length) idle.steps.push(() => idle.customer.sendText(pick(FOLLOW_UPS)));
    }
  }

  const loop = (async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, 5_000)));
    while (!stopped) {
      await tick().catch((error: unknown) => input.log(`demo telegram traffic: ${error instanceof Error ? error.message : String(error)}`));
      await new Promise((resolve) => setTimeout(resolve, stepMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 100))]);
    },
  };
}
