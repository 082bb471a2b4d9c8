import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import * as bigcommerceWebhook from "@/app/api/webhooks/bigcommerce/route.ts";
import * as telegramWebhook from "@/app/api/webhooks/telegram/route.ts";
import { directRouteHandler } from "./direct-routes.ts";

const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe("directRouteHandler", () => {
  it("hands the webhook receivers' requests to their route files' handlers, query string or not", () => {
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce"))).toBe(bigcommerceWebhook.POST);
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce?store=abc123"))).toBe(bigcommerceWebhook.POST);
    expect(directRouteHandler(request("POST", "/api/webhooks/telegram"))).toBe(telegramWebhook.POST);
    // The route file's own answer to other methods (405 in the API's error shape).
    expect(directRouteHandler(request("GET", "/api/webhooks/telegram"))).toBe(telegramWebhook.GET);
  });

  it("leaves everything else to Next: other paths, a trailing slash, methods the route file does not export", () => {
    expect(directRouteHandler(request("POST", "/api/v1/tickets"))).toBeNull();
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce/"))).toBeNull();
    expect(directRouteHandler(request("POST", "/api/webhooks/bigcommerce/extra"))).toBeNull();
    expect(directRouteHandler(request("HEAD", "/api/webhooks/bigcommerce"))).toBeNull();
    expect(directRouteHandler(request("OPTIONS", "/api/webhooks/telegram"))).toBeNull();
  });
});
