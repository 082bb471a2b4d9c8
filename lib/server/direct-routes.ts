import type { IncomingMessage } from "node:http";
import { deliveryFromBody } from "@/lib/api/incoming-delivery.ts";
import { answerBigcommerceWebhook } from "@/lib/bigcommerce/webhooks/answer-bigcommerce-webhook.ts";
import { answerTelegramWebhook } from "@/lib/telegram/answer-telegram-webhook.ts";
import type { DirectHandler } from "./web-request-bridge.ts";

/** The BigCommerce webhook receiver as the custom server answers it: the route file's own answer, with no Fetch API Request. */
export const bigcommerceWebhookRoute: DirectHandler = ({ url, headers, body }) => answerBigcommerceWebhook(deliveryFromBody(url, headers, body));

/** The Telegram webhook receiver, likewise. */
export const telegramWebhookRoute: DirectHandler = ({ url, headers, body }) => answerTelegramWebhook(deliveryFromBody(url, headers, body));

/**
 * Routes the custom server answers itself, before Next sees the request: the webhook receivers'
 * POSTs. Every delivery from BigCommerce and Telegram lands there, and Next's request pipeline
 * roughly doubles their cost (3.3–4.9 ms of CPU per delivery through Next against 1.7–2.8 ms
 * directly, on a 2-core machine: docs/performance.md). They call the same answer as their route
 * files (app/api/webhooks/…/route.ts), which Next serves too (`next dev`, other methods, tests).
 */
const DIRECT_ROUTES: ReadonlyMap<string, DirectHandler> = new Map([
  ["/api/webhooks/bigcommerce", bigcommerceWebhookRoute],
  ["/api/webhooks/telegram", telegramWebhookRoute],
]);

/** The handler for this request when it is one of the direct routes, else null (Next serves it). */
export function directRouteHandler(request: IncomingMessage): DirectHandler | null {
  if (request.method !== "POST") return null;
  const url = request.url ?? "";
  const query = url.indexOf("?");
  // Exact paths only: anything else (a trailing slash) gets Next's usual answer.
  return DIRECT_ROUTES.get(query === -1 ? url : url.slice(0, query)) ?? null;
}
