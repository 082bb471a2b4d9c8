import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client.ts";

// Wrong order/billing pairs, counted per requester (a chat, or an address for the storefront's
// link route) and per order, in PostgreSQL so every instance shares them. Five an hour lets a
// customer mistype; guessing an email for someone's order number gets nowhere.
const WINDOW_SECONDS = 60 * 60;
const POINTS = 5;

type Limiters = { requester: RateLimiterPrisma; order: RateLimiterPrisma };
let limiters: Limiters | undefined;

function limitersFor(): Limiters {
  // The LoginAttempt table is rate-limiter-flexible's generic key/points/expiry store.
  limiters ??= {
    requester: new RateLimiterPrisma({ keyPrefix: "order-proof-requester", points: POINTS, duration: WINDOW_SECONDS, storeClient: db(), tableName: "loginAttempt" }),
    order: new RateLimiterPrisma({ keyPrefix: "order-proof-order", points: POINTS, duration: WINDOW_SECONDS, storeClient: db(), tableName: "loginAttempt" }),
  };
  return limiters;
}

/** `requester`: "chat:<id>" for a Telegram chat, "address:<ip>" for a browser. */
export type ProofAttemptKey = { storeId: string; requester: string; orderId: number };

function keys(key: ProofAttemptKey) {
  return { requester: `${key.storeId}|${key.requester}`, order: `${key.storeId}|${key.orderId}` };
}

function spent(result: RateLimiterRes | null): boolean {
  return result !== null && result.consumedPoints >= POINTS;
}

/** Whether this requester, or anyone for this order, used up the wrong tries of the hour. */
export async function proofAttemptsExhausted(key: ProofAttemptKey): Promise<boolean> {
  const all = limitersFor();
  const names = keys(key);
  const [requester, order] = await Promise.all([all.requester.get(names.requester), all.order.get(names.order)]);
  return spent(requester) || spent(order);
}

export async function recordFailedProof(key: ProofAttemptKey): Promise<void> {
  const all = limitersFor();
  const names = keys(key);
  // Consuming past the limit rejects with the limiter's result; the count is what matters.
  await Promise.allSettled([all.requester.consume(names.requester), all.order.consume(names.order)]);
}
