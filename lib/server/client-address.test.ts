import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address.ts";

describe("clientAddress", () => {
  it("is the connection's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress("::ffff:203.0.113.9", "10.66.2.1", trustedProxies(undefined))).toBe("203.0.113.9");
    expect(clientAddress("127.0.0.1", "10.66.2.2", trustedProxies(""))).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For only from trusted proxies, read from the right", () => {
    const trusted = trustedProxies("10.0.0.0/8, 192.168.1.5");
    expect(clientAddress("10.1.2.3", "198.51.100.7", trusted)).toBe("198.51.100.7");
    // A client behind the proxy prepends a forged hop: the proxy's own entry (rightmost) wins.
    expect(clientAddress("10.1.2.3", "1.2.3.4, 198.51.100.7", trusted)).toBe("198.51.100.7");
    // Two trusted hops.
    expect(clientAddress("192.168.1.5", ["198.51.100.7", "10.9.9.9"], trusted)).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.9", "198.51.100.7", trusted)).toBe("203.0.113.9");
  });

  it("refuses a list entry that is no address", () => {
    expect(() => trustedProxies("proxy.example")).toThrow(/TERN_TRUSTED_PROXIES/);
  });
});
