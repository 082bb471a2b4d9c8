import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

// Per account and address: slows password guessing without locking a user out for long.
const perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: 5, duration: 15 * 60 });
// Per address across accounts: stops spraying one password over many emails.
const perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: 30, duration: 15 * 60 });

export type LoginAttemptKey = { email: string; ip: string };

/** Resolves when the attempt may proceed; returns the seconds to wait when it may not. */
export async function consumeLoginAttempt(key: LoginAttemptKey): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  try {
    await Promise.all([perAccount.consume(`${key.email.toLowerCase()}|${key.ip}`), perAddress.consume(key.ip)]);
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) };
    throw error;
  }
}

/** A successful login clears the account's failures. */
export async function resetLoginAttempts(key: LoginAttemptKey): Promise<void> {
  await perAccount.delete(`${key.email.toLowerCase()}|${key.ip}`);
}
