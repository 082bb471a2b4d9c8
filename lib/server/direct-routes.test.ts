import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { bigcommerceWebhookRoute, directRouteHandler, telegramWebhookRoute } from "./direct-routes.ts";

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe("directRouteHandler", () => {
  it("answers the webhook receivers' POSTs itself, query string or not", () => {
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce"))).toBe(bigcommerceWebhookRoute);
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce?store=abc123"))).toBe(bigcommerceWebhookRoute);
    expect(directRouteHandler(request("POST", "/api/webhooks/telegram"))).toBe(telegramWebhookRoute);
  });

  it("leaves everything else to Next: other paths, a trailing slash, other methods (the route file's 405)", () => {
    expect(directRouteHandler(request("POST", "/api/v1/tickets"))).toBeNull();
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce/"))).toBeNull();
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce/extra"))).toBeNull();
    expect(directRouteHandler(request("GET", "/api/webhooks/telegram"))).toBeNull();
    expect(directRouteHandler(request("HEAD", "/api/webhooks/bigcommerce"))).toBeNull();
    expect(directRouteHandler(request("OPTIONS", "/api/webhooks/telegram"))).toBeNull();
  });
});
