import { describe, expect, it } from "vitest";
import { configFromEnvironment } from "@/lib/config/runtime-config.ts";
import { securityHeaders } from "./security-headers.ts";

const config = configFromEnvironment({});

function directive(policy: string, name: string): string {
  return policy.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";
}

describe("securityHeaders", () => {
  it("lets only Tern and BigCommerce's control panel frame the app's pages, and only Tern frame sign-in", () => {
    const inbox = securityHeaders("/inbox", config, { dev: false })["content-security-policy"];
    expect(directive(inbox, "frame-ancestors")).toBe("frame-ancestors 'self' https://*.bigcommerce.com https://*.mybigcommerce.com");
    expect(directive(securityHeaders("/login", config, { dev: false })["content-security-policy"], "frame-ancestors")).toBe("frame-ancestors 'self'");
    // The connect page takes a password and a store's access token: never inside anyone's frame either.
    expect(directive(securityHeaders("/connect", config, { dev: false })["content-security-policy"], "frame-ancestors")).toBe("frame-ancestors 'self'");
  });

  it("adds the demo's emulated control panel where there is one, and never scripts from elsewhere", () => {
    const demo = { ...config, controlPanel: { appOpenUrl: "http://127.0.0.1:4567/control-panel/stores/terndemo/apps/open" } };
    const policy = securityHeaders("/admin", demo, { dev: false })["content-security-policy"];
    expect(directive(policy, "frame-ancestors")).toContain("http://127.0.0.1:4567");
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(securityHeaders("/admin", demo, { dev: false })).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin" });
  });
});
