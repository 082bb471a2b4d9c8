import { describe, expect, it } from "vitest";
import { isSafeCallbackUrl } from "./callback-url.ts";

const BASE = "http://localhost:3000";

describe("isSafeCallbackUrl", () => {
  it("accepts paths and this site's own URLs", () => {
    expect(isSafeCallbackUrl("/inbox", BASE)).toBe(true);
    expect(isSafeCallbackUrl("http://localhost:3000/dashboard?x=1", BASE)).toBe(true);
  });

  it("refuses scripts, other sites and look-alikes", () => {
    for (const value of ["javascript:alert(1)", "http://localhost:3000.evil.example/", "\\\\evil.example", "//evil.example/x", "/\\evil.example", "https://evil.example/", "not a url"]) {
      expect(isSafeCallbackUrl(value, BASE), value).toBe(false);
    }
  });
});
