import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkLoginAllowed, recordFailedLogin, resetLoginAttempts } from "./login-rate-limit.ts";

async function fail(times: number, key: { email: string; ip: string }) {
  for (let attempt = 0; attempt < times; attempt++) await recordFailedLogin(key);
}

describe("login rate limit", () => {
  it("allows five failures per account and address, then asks to wait", async () => {
    const key = { email: `${randomUUID()}@tern.test`, ip: randomUUID() };
    await fail(4, key);
    expect(await checkLoginAllowed(key)).toEqual({ allowed: true });
    await fail(1, key);
    const refused = await checkLoginAllowed(key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts the same email case-insensitively and other addresses separately", async () => {
    const email = `${randomUUID()}@tern.test`;
    const ip = randomUUID();
    for (let attempt = 0; attempt < 5; attempt++) await recordFailedLogin({ email: attempt % 2 ? email.toUpperCase() : email, ip });
    expect((await checkLoginAllowed({ email, ip })).allowed).toBe(false);
    expect((await checkLoginAllowed({ email, ip: randomUUID() })).allowed).toBe(true);
  });

  it("stops one address spraying many accounts", async () => {
    const ip = randomUUID();
    for (let attempt = 0; attempt < 30; attempt++) await recordFailedLogin({ email: `${randomUUID()}@tern.test`, ip });
    expect((await checkLoginAllowed({ email: `${randomUUID()}@tern.test`, ip })).allowed).toBe(false);
  });

  it("never counts successful sign-ins: a whole team behind one office address can sign in all day", async () => {
    const ip = randomUUID();
    for (let signIn = 0; signIn < 100; signIn++) {
      const key = { email: `agent${signIn % 20}@tern.test`, ip };
      expect((await checkLoginAllowed(key)).allowed).toBe(true);
      await resetLoginAttempts(key);
    }
  });

  it("a successful sign-in clears the account's failures", async () => {
    const key = { email: `${randomUUID()}@tern.test`, ip: randomUUID() };
    await fail(4, key);
    await resetLoginAttempts(key);
    await fail(4, key);
    expect((await checkLoginAllowed(key)).allowed).toBe(true);
  });
});
