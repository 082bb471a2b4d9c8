import type { IncomingMessage } from "node:http";
import * as bigcommerceWebhook from "@/app/api/webhooks/bigcommerce/route.ts";
import * as telegramWebhook from "@/app/api/webhooks/telegram/route.ts";
import type { WebHandler } from "./web-request-bridge.ts";

type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", WebHandler>>;

/**
 * Routes the custom server answers with their route file's handler itself, before Next sees the
 * request. They are the webhook receivers: every delivery from BigCommerce and Telegram lands
 * there, and Next's request pipeline roughly doubles their cost (3.3–4.9 ms of CPU per delivery
 * through Next against 1.7–2.8 ms directly, on a 2-core machine: docs/performance.md). The route
 * files stay the one definition of each endpoint, and Next serves them too (`next dev`, tests).
 */
const DIRECT_ROUTES: ReadonlyMap<string, RouteModule> = new Map<string, RouteModule>([
  ["/api/webhooks/bigcommerce", bigcommerceWebhook],
  ["/api/webhooks/telegram", telegramWebhook],
]);

/** The handler for this request when it is one of the direct routes, else null (Next serves it). */
export function directRouteHandler(request: IncomingMessage): WebHandler | null {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  const path = query === -1 ? url : url.slice(0, query);
  // Exact paths only: anything else (a trailing slash, HEAD, OPTIONS) gets Next's usual answer.
  const route = DIRECT_ROUTES.get(path);
  return route?.[request.method as keyof RouteModule] ?? null;
}
