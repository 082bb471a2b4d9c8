import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box.ts";

describe("secret box", () => {
  const saved = { key: process.env.TERN_ENCRYPTION_KEY, nextauth: process.env.NEXTAUTH_SECRET };
  beforeEach(() => {
    process.env.TERN_ENCRYPTION_KEY = "unit-test-key";
    delete process.env.NEXTAUTH_SECRET;
  });
  afterEach(() => {
    process.env.TERN_ENCRYPTION_KEY = saved.key;
    process.env.NEXTAUTH_SECRET = saved.nextauth;
    if (saved.key === undefined) delete process.env.TERN_ENCRYPTION_KEY;
    if (saved.nextauth === undefined) delete process.env.NEXTAUTH_SECRET;
  });

  it("round-trips and never shows the plaintext", () => {
    const sealed = sealSecret("bc-access-token-123");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("bc-access-token-123");
    expect(openSecret(sealed)).toBe("bc-access-token-123");
  });

  it("uses a fresh IV every time", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("refuses tampered data and another key", () => {
    const sealed = sealSecret("token");
    const parts = sealed.split(".");
    const tampered = [parts[0], parts[1], parts[2], Buffer.from("x" + Buffer.from(parts[3]!, "base64url").toString()).toString("base64url")].join(".");
    expect(() => openSecret(tampered)).toThrow(/cannot be opened/);
    process.env.TERN_ENCRYPTION_KEY = "another-key";
    expect(() => openSecret(sealed)).toThrow(/cannot be opened/);
    expect(() => openSecret("plain")).toThrow(/Not a sealed secret/);
  });

  it("falls back to NEXTAUTH_SECRET and fails clearly with neither", () => {
    delete process.env.TERN_ENCRYPTION_KEY;
    process.env.NEXTAUTH_SECRET = "session-secret";
    expect(openSecret(sealSecret("t"))).toBe("t");
    delete process.env.NEXTAUTH_SECRET;
    expect(() => sealSecret("t")).toThrow(/TERN_ENCRYPTION_KEY/);
  });
});
