import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { checkLoginAllowed, recordFailedLogin, resetLoginAttempts } from "./login-rate-limit.ts";

async function fail(times: number, key: { email: string; address: string }) {
  for (let attempt = 0; attempt < times; attempt++) await recordFailedLogin(key);
}

describe("login rate limit", () => {
  it("allows five failures per account and address, then asks to wait", async () => {
    const key = { email: `${randomUUID()}@tern.test`, address: randomUUID() };
    await fail(4, key);
    expect(await checkLoginAllowed(key)).toEqual({ allowed: true });
    await fail(1, key);
    const refused = await checkLoginAllowed(key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("counts the same email case-insensitively and other addresses separately", async () => {
    const email = `${randomUUID()}@tern.test`;
    const address = randomUUID();
    for (let attempt = 0; attempt < 5; attempt++) await recordFailedLogin({ email: attempt % 2 ? email.toUpperCase() : email, address });
    expect((await checkLoginAllowed({ email, address })).allowed).toBe(false);
    expect((await checkLoginAllowed({ email, address: randomUUID() })).allowed).toBe(true);
  });

  it("stops guesses at one account spread over many addresses", async () => {
    const email = `${randomUUID()}@tern.test`;
    for (let attempt = 0; attempt < 20; attempt++) await recordFailedLogin({ email, address: randomUUID() });
    expect((await checkLoginAllowed({ email, address: randomUUID() })).allowed).toBe(false);
  });

  it("an attacker spraying random emails from their address does not lock out the admin at another", async () => {
    const attacker = randomUUID();
    for (let attempt = 0; attempt < 31; attempt++) await recordFailedLogin({ email: `${randomUUID()}@tern.test`, address: attacker });
    expect((await checkLoginAllowed({ email: "admin@tern.test", address: attacker })).allowed).toBe(false);
    expect((await checkLoginAllowed({ email: "admin@tern.test", address: randomUUID() })).allowed).toBe(true);
  });

  it("is shared by every instance: the counters are in the database", async () => {
    const key = { email: `${randomUUID()}@tern.test`, address: randomUUID() };
    await fail(5, key);
    const rows = await db().loginAttempt.findMany({ where: { key: { contains: key.address } }, select: { key: true, points: true } });
    expect(rows.map((row) => row.points).sort()).toEqual([5, 5]);
  });

  it("stops one address spraying many accounts", async () => {
    const address = randomUUID();
    for (let attempt = 0; attempt < 30; attempt++) await recordFailedLogin({ email: `${randomUUID()}@tern.test`, address });
    expect((await checkLoginAllowed({ email: `${randomUUID()}@tern.test`, address })).allowed).toBe(false);
  });

  it("never counts successful sign-ins: a whole team behind one office address can sign in all day", async () => {
    const address = randomUUID();
    for (let signIn = 0; signIn < 100; signIn++) {
      const key = { email: `agent${signIn % 20}@tern.test`, address };
      expect((await checkLoginAllowed(key)).allowed).toBe(true);
      await resetLoginAttempts(key);
    }
  });

  it("a successful sign-in clears the account's failures", async () => {
    const key = { email: `${randomUUID()}@tern.test`, address: randomUUID() };
    await fail(4, key);
    await resetLoginAttempts(key);
    await fail(4, key);
    expect((await checkLoginAllowed(key)).allowed).toBe(true);
  });
});
