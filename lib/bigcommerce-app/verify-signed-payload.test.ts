import { describe, expect, it } from "vitest";
import { signPayload } from "@/lib/emulators/bigcommerce/sign-payload.ts";
import { verifySignedPayload } from "./verify-signed-payload.ts";

const app = { clientId: "client-1", clientSecret: "secret-1" };
const user = { id: 11, email: "staff@shop.test" };
const owner = { id: 10, email: "owner@shop.test" };

function sign(overrides: Partial<Parameters<typeof signPayload>[0]> = {}) {
  return signPayload({ ...app, storeHash: "abc123", user, owner, ...overrides });
}

describe("verifySignedPayload", () => {
  it("returns the store, the user and the owner of a good payload", async () => {
    expect(await verifySignedPayload(await sign(), app)).toEqual({ storeHash: "abc123", user: { ...user, locale: "en-US" }, owner, url: "/", jti: expect.any(String), expiresAt: expect.any(Date) });
  });

  it("tolerates a minute of clock skew, not more", async () => {
    const now = new Date();
    const issuedAt = Math.floor(now.getTime() / 1000) + 30;
    await expect(verifySignedPayload(await sign({ issuedAt }), app, now)).resolves.toMatchObject({ storeHash: "abc123" });
    await expect(verifySignedPayload(await sign({ issuedAt: issuedAt + 60 }), app, now)).rejects.toThrow("nbf");
  });

  it.each([
    ["another app", { clientId: "client-2" }, "aud"],
    ["another secret", { clientSecret: "secret-2" }, "bad signature"],
    ["an expired token", { issuedAt: Math.floor(Date.now() / 1000) - 90_000, expiresIn: 3600 }, "expired"],
    ["a subject that is not a store", { claims: { sub: "stores/" } }, "sub"],
    ["a missing user", { claims: { user: undefined } }, "expected object"],
  ])("refuses %s", async (_name, overrides, message) => {
    await expect(verifySignedPayload(await sign(overrides), app)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining(message) });
  });

  it("refuses a missing payload", async () => {
    await expect(verifySignedPayload(null, app)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
