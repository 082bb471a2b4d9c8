import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeLoginAttempt, resetLoginAttempts } from "./login-rate-limit.ts";

describe("login rate limit", () => {
  it("allows five attempts per account and address, then asks to wait", async () => {
    const key = { email: `${randomUUID()}@tern.test`, ip: randomUUID() };
    for (let attempt = 0; attempt < 5; attempt++) expect(await consumeLoginAttempt(key)).toEqual({ allowed: true });
    const refused = await consumeLoginAttempt(key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts the same email case-insensitively and other addresses separately", async () => {
    const email = `${randomUUID()}@tern.test`;
    const ip = randomUUID();
    for (let attempt = 0; attempt < 5; attempt++) await consumeLoginAttempt({ email: attempt % 2 ? email.toUpperCase() : email, ip });
    expect((await consumeLoginAttempt({ email, ip })).allowed).toBe(false);
    expect((await consumeLoginAttempt({ email, ip: randomUUID() })).allowed).toBe(true);
  });

  it("stops one address spraying many accounts", async () => {
    const ip = randomUUID();
    for (let attempt = 0; attempt < 30; attempt++) await consumeLoginAttempt({ email: `${randomUUID()}@tern.test`, ip });
    expect((await consumeLoginAttempt({ email: `${randomUUID()}@tern.test`, ip })).allowed).toBe(false);
  });

  it("a successful sign-in clears the account's failures", async () => {
    const key = { email: `${randomUUID()}@tern.test`, ip: randomUUID() };
    for (let attempt = 0; attempt < 4; attempt++) await consumeLoginAttempt(key);
    await resetLoginAttempts(key);
    for (let attempt = 0; attempt < 5; attempt++) expect((await consumeLoginAttempt(key)).allowed).toBe(true);
  });
});
