import { describe, expect, it } from "vitest";
import { isCrossSiteBrowserRequest } from "./cross-site-request.ts";

const headers = (values: Record<string, string>) => new Headers(values);

describe("isCrossSiteBrowserRequest", () => {
  it("lets Tern's own pages and typed addresses through", () => {
    expect(isCrossSiteBrowserRequest(headers({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(isCrossSiteBrowserRequest(headers({ "sec-fetch-site": "none" }))).toBe(false);
  });

  it("refuses another site, and a sibling subdomain (same-site) with a foreign Origin", () => {
    expect(isCrossSiteBrowserRequest(headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteBrowserRequest(headers({ "sec-fetch-site": "same-site", origin: "https://shop.tern.example", host: "help.tern.example" }))).toBe(true);
  });

  it("without Sec-Fetch-Site, judges by Origin", () => {
    expect(isCrossSiteBrowserRequest(headers({ origin: "https://evil.example", host: "help.tern.example" }))).toBe(true);
    expect(isCrossSiteBrowserRequest(headers({ origin: "https://help.tern.example", host: "help.tern.example" }))).toBe(false);
    expect(isCrossSiteBrowserRequest(headers({}))).toBe(false);
  });
});
