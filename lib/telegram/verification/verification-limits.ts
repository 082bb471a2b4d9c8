import { RateLimiterRes } from "rate-limiter-flexible";
import { prismaRateLimiters } from "@/lib/server/prisma-rate-limiters.ts";

// Tries at an order/billing pair, per requester (a chat, or an address for the storefront's link
// route) and per order, in PostgreSQL so every instance shares them. A try is counted before the
// store is asked and given back when it was right: parallel guesses cannot all pass one check
// that is only counted afterwards. Five an hour lets a customer mistype; the daily cap per order
// keeps a postcode (few likely values) out of reach of a patient guesser.
const LIMITS = {
  requester: { keyPrefix: "order-proof-requester", points: 5, duration: 60 * 60 },
  order: { keyPrefix: "order-proof-order", points: 5, duration: 60 * 60 },
  orderDaily: { keyPrefix: "order-proof-order-day", points: 10, duration: 24 * 60 * 60 },
} as const;

type LimitName = keyof typeof LIMITS;
const limitersFor = prismaRateLimiters(LIMITS);

/** `requester`: "chat:<id>" for a Telegram chat, "address:<ip>" for a browser. */
export type ProofAttemptKey = { storeId: string; requester: string; orderId: number };

function keys(key: ProofAttemptKey): Record<LimitName, string> {
  const order = `${key.storeId}|${key.orderId}`;
  return { requester: `${key.storeId}|${key.requester}`, order, orderDaily: order };
}

/** Counts a try; false when this requester, or anyone for this order, has used up their tries. */
export async function takeProofAttempt(key: ProofAttemptKey): Promise<boolean> {
  const all = limitersFor();
  const names = keys(key);
  const results = await Promise.allSettled((Object.keys(LIMITS) as LimitName[]).map((name) => all[name].consume(names[name])));
  return results.every((result) => {
    if (result.status === "fulfilled") return true;
    // Over the limit rejects with the limiter's result; anything else (the database) is a real failure.
    if (result.reason instanceof RateLimiterRes) return false;
    throw result.reason;
  });
}

/** A right pair costs nothing: its try is given back. */
export async function giveBackProofAttempt(key: ProofAttemptKey): Promise<void> {
  const all = limitersFor();
  const names = keys(key);
  await Promise.all((Object.keys(LIMITS) as LimitName[]).map((name) => all[name].reward(names[name], 1)));
}
