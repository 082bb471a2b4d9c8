import { createHash, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type WebhookDelivery = {
  scope: string;
  destination: string;
  hookId: number | null;
  /** The exact body sent: redelivering it is how BigCommerce duplicates look. */
  body: string;
  headers: Record<string, string>;
  status: number | null;
  error: string | null;
  at: Date;
};

export type EnvelopeInput = { storeHash: string; storeId: string; scope: string; data: Record<string, unknown>; createdAt?: number; hash?: string };

/** The light envelope BigCommerce posts: data carries only ids; `hash` is a SHA-1 of the data. */
export function webhookEnvelope(input: EnvelopeInput): Record<string, unknown> {
  return {
    scope: input.scope,
    store_id: input.storeId,
    data: input.data,
    hash: input.hash ?? createHash("sha1").update(JSON.stringify(input.data)).digest("hex"),
    created_at: input.createdAt ?? Math.floor(Date.now() / 1000),
    producer: `stores/${input.storeHash}`,
  };
}

/**
 * The Standard Webhooks headers BigCommerce adds when signing (secret: the app's client secret).
 * The key is the client secret's bytes; Tern verifies with the same convention.
 */
export function signatureHeaders(signingSecret: string, body: string): Record<string, string> {
  const id = `msg_${randomUUID()}`;
  const timestamp = new Date();
  const signature = new Webhook(Buffer.from(signingSecret, "utf8").toString("base64")).sign(id, timestamp, body);
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)), "webhook-signature": signature };
}

/** One POST to a destination, as BigCommerce sends it: JSON body, the hook's custom headers. Never throws. */
export async function deliverWebhook(input: {
  scope: string;
  destination: string;
  hookId: number | null;
  body: string;
  headers: Record<string, string>;
}): Promise<WebhookDelivery> {
  const headers = { "content-type": "application/json", "user-agent": "BigCommerce-Emulator/1.0 (Tern)", ...input.headers };
  const delivery: WebhookDelivery = { ...input, headers, status: null, error: null, at: new Date() };
  try {
    const response = await fetch(input.destination, { method: "POST", headers, body: input.body, signal: AbortSignal.timeout(10_000) });
    await response.body?.cancel();
    delivery.status = response.status;
  } catch (error) {
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  return delivery;
}
