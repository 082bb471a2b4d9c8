import type { RateLimiterRes } from "rate-limiter-flexible";
import { prismaRateLimiters } from "@/lib/server/prisma-rate-limiters.ts";

// Only failed sign-ins count: a support team behind one office address signs in many times a
// morning and must not lock itself out. The counters live in PostgreSQL, so every instance of
// Tern sees the same ones (an in-memory count per instance was as many fresh tries per instance).
const WINDOW_SECONDS = 15 * 60;
const LIMITS = {
  // One guesser at one account: slows password guessing at once, locks nobody else out.
  accountFromAddress: { keyPrefix: "login-account-address", points: 5, duration: WINDOW_SECONDS },
  // Guesses at one account from many addresses: the account waits, for a while.
  account: { keyPrefix: "login-account", points: 20, duration: WINDOW_SECONDS },
  // One address trying many accounts (password spraying).
  address: { keyPrefix: "login-address", points: 30, duration: WINDOW_SECONDS },
} as const;

const limitersFor = prismaRateLimiters(LIMITS);

/** `address`: the connection's address (lib/server/client-address.ts), never a header the client wrote. */
export type LoginAttemptKey = { email: string; address: string };

function keys(key: LoginAttemptKey): Record<keyof typeof LIMITS, string> {
  const email = key.email.trim().toLowerCase();
  return { accountFromAddress: `${email}|${key.address}`, account: email, address: key.address };
}

function waitSeconds(result: RateLimiterRes | null, points: number): number {
  return result && result.consumedPoints >= points ? Math.max(1, Math.ceil(result.msBeforeNext / 1000)) : 0;
}

/** Whether an attempt may proceed now; when not, the seconds to wait. */
export async function checkLoginAllowed(key: LoginAttemptKey): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const all = limitersFor();
  const names = keys(key);
  const waits = await Promise.all((Object.keys(LIMITS) as Array<keyof typeof LIMITS>).map(async (name) => waitSeconds(await all[name].get(names[name]), LIMITS[name].points)));
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/** A wrong email or password: counts against the account, the address, and the two together. */
export async function recordFailedLogin(key: LoginAttemptKey): Promise<void> {
  const all = limitersFor();
  const names = keys(key);
  // Consuming past the limit rejects with the limiter's result; the count is what matters here.
  await Promise.allSettled((Object.keys(LIMITS) as Array<keyof typeof LIMITS>).map((name) => all[name].consume(names[name])));
}

/** A successful sign-in clears that address's failures on the account (not what others tried elsewhere). */
export async function resetLoginAttempts(key: LoginAttemptKey): Promise<void> {
  await limitersFor().accountFromAddress.delete(keys(key).accountFromAddress);
}
