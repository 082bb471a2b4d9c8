import { describe, expect, it } from "vitest";
import { parseApiPath } from "./parse-api-path.ts";

const API = "https://api.bigcommerce.com";

describe("parseApiPath", () => {
  it("reads the hash from the API path as BigCommerce shows it, a bare stores/ path, or the hash alone", () => {
    expect(parseApiPath("https://api.bigcommerce.com/stores/abc123def/v3/", API)).toEqual({ ok: true, storeHash: "abc123def" });
    expect(parseApiPath("  https://api.bigcommerce.com/stores/abc123def/v2  ", API)).toEqual({ ok: true, storeHash: "abc123def" });
    expect(parseApiPath("https://api.bigcommerce.com/stores/abc123def", API)).toEqual({ ok: true, storeHash: "abc123def" });
    expect(parseApiPath("stores/abc123def/v3/", API)).toEqual({ ok: true, storeHash: "abc123def" });
    expect(parseApiPath("abc123def", API)).toEqual({ ok: true, storeHash: "abc123def" });
  });

  it("takes an emulator's path when Tern is configured with the emulator", () => {
    expect(parseApiPath("http://127.0.0.1:4310/stores/e2eabc/v3/", "http://127.0.0.1:4310")).toEqual({ ok: true, storeHash: "e2eabc" });
  });

  it("refuses another host (Tern never calls a host someone typed), other schemes and extras", () => {
    for (const input of [
      "https://evil.example/stores/abc123/v3/",
      "http://api.bigcommerce.com/stores/abc123/v3/",
      "https://api.bigcommerce.com.evil.example/stores/abc123/v3/",
      "https://user:pw@api.bigcommerce.com/stores/abc123/v3/",
      "https://api.bigcommerce.com/stores/abc123/v3/?x=1",
      "file:///etc/passwd",
      "javascript://alert(1)",
    ]) {
      expect(parseApiPath(input, API).ok, input).toBe(false);
    }
  });

  it("refuses what is not a store hash: traversal, encoded or odd characters, other paths, empty, overlong", () => {
    for (const input of [
      "",
      "   ",
      "https://api.bigcommerce.com/stores/../v3/",
      "https://api.bigcommerce.com/stores/abc%2F..%2Fx/v3/",
      "https://api.bigcommerce.com/stores/abc/v3/hooks",
      "https://api.bigcommerce.com/v3/",
      "stores/abc def/v3",
      "abc-def",
      "<script>",
      "a".repeat(65),
      `https://api.bigcommerce.com/stores/${"a".repeat(400)}/v3/`,
    ]) {
      expect(parseApiPath(input, API).ok, input).toBe(false);
    }
  });
});
