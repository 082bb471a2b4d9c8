import { createHash, timingSafeEqual } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { WEBHOOK_SECRET_HEADER } from "./webhook-secret-header.ts";

export type SignatureCheck = "absent" | "valid" | "invalid" | "unverifiable";

/** Constant-time comparison of the secret header with the store's secret (hashed first: equal lengths). */
export function secretHeaderMatches(headers: Headers, webhookSecret: string | null): boolean {
  const given = headers.get(WEBHOOK_SECRET_HEADER);
  if (!given || !webhookSecret) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(webhookSecret));
}

/**
 * Standard Webhooks signature (`webhook-id`, `webhook-timestamp`, `webhook-signature`), keyed
 * with the app's client secret (APIS.md: BigCommerce's exact convention is unconfirmed; the key
 * is the secret's bytes, which is also how Tern's emulator signs). "unverifiable": signed, but
 * Tern has no client secret configured to check with.
 */
export function checkSignature(headers: Headers, rawBody: string, clientSecret: string | undefined): SignatureCheck {
  const signature = headers.get("webhook-signature");
  if (!signature) return "absent";
  if (!clientSecret) return "unverifiable";
  try {
    new Webhook(Buffer.from(clientSecret, "utf8").toString("base64")).verify(rawBody, {
      "webhook-id": headers.get("webhook-id") ?? "",
      "webhook-timestamp": headers.get("webhook-timestamp") ?? "",
      "webhook-signature": signature,
    });
    return "valid";
  } catch {
    return "invalid";
  }
}
