import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";

// Only failed sign-ins count: a support team behind one office address signs in many times a
// morning and must not lock itself out.
// Per account and address: slows password guessing without locking a user out for long.
const perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: 5, duration: 15 * 60 });
// Per address across accounts: stops spraying one password over many emails.
const perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: 30, duration: 15 * 60 });

export type LoginAttemptKey = { email: string; ip: string };

const accountKey = (key: LoginAttemptKey) => `${key.email.toLowerCase()}|${key.ip}`;

function spent(result: RateLimiterRes | null, points: number): number | null {
  return result && result.consumedPoints >= points ? Math.max(1, Math.ceil(result.msBeforeNext / 1000)) : null;
}

/** Whether an attempt may proceed now; when not, the seconds to wait. */
export async function checkLoginAllowed(key: LoginAttemptKey): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const [account, address] = await Promise.all([perAccount.get(accountKey(key)), perAddress.get(key.ip)]);
  const wait = Math.max(spent(account, perAccount.points) ?? 0, spent(address, perAddress.points) ?? 0);
  return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
}

/** A wrong email or password: counts against the account and the address. */
export async function recordFailedLogin(key: LoginAttemptKey): Promise<void> {
  // Consuming past the limit rejects with the limiter's result; the count is what matters here.
  await Promise.allSettled([perAccount.consume(accountKey(key)), perAddress.consume(key.ip)]);
}

/** A successful login clears the account's failures. */
export async function resetLoginAttempts(key: LoginAttemptKey): Promise<void> {
  await perAccount.delete(accountKey(key));
}
