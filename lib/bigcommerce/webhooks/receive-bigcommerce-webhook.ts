import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { recordInboundEvent, type RecordedInboundEvent } from "@/lib/inbound/record-inbound-event.ts";
import { checkSignature, secretHeaderMatches } from "./authenticate-webhook.ts";
import { countWebhookRejection } from "./count-webhook-rejection.ts";
import { findWebhookStore } from "./find-webhook-store.ts";
import { readWebhookEnvelope } from "./read-webhook-envelope.ts";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "@/lib/api/json-depth.ts";

export type WebhookDelivery = {
  rawBody: string;
  headers: Headers;
  /** `?store=<hash>`: how a sender of the seed's full-payload form, which names no store, says which. */
  storeHashFromUrl: string | null;
};

const MAX_BODY_CHARS = 1_000_000;

function parse(rawBody: string): unknown {
  if (rawBody.length > MAX_BODY_CHARS) throw new AppError("BAD_REQUEST", "The webhook body is too large");
  if (!rawBody.trim()) throw new AppError("BAD_REQUEST", "The webhook body is empty");
  if (nestsDeeperThan(rawBody)) throw new AppError("BAD_REQUEST", `The webhook body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The webhook body is not valid JSON");
  }
}

/**
 * POST /api/webhooks/bigcommerce: authenticate, store once, acknowledge. Nothing is processed
 * here; the event is committed before this returns, so the 200 means "durable". Authentic means
 * the store's secret header, or a valid Standard Webhooks signature; a signature that is present
 * but wrong refuses the delivery even with the right header.
 */
export async function receiveBigcommerceWebhook(db: Db, delivery: WebhookDelivery): Promise<RecordedInboundEvent> {
  const body = parse(delivery.rawBody);
  const envelope = readWebhookEnvelope(body, delivery.rawBody, delivery.storeHashFromUrl);
  if (!envelope.storeHash) throw new AppError("BAD_REQUEST", "The webhook does not say which store it is for (producer, store_hash or ?store=)");

  let store = await findWebhookStore(db, envelope.storeHash);
  if (!store || store.status === "UNINSTALLED" || store.status === "DISCONNECTED") throw new AppError("NOT_FOUND", "No store with this hash is installed");

  const signature = checkSignature(delivery.headers, delivery.rawBody, runtimeConfig().bigcommerce.clientSecret);
  let secretOk = secretHeaderMatches(delivery.headers, store.webhookSecret);
  if (!secretOk && signature !== "valid") {
    // The cached secret may predate a rotation: look again (at most every few seconds) before refusing.
    store = await findWebhookStore(db, envelope.storeHash, { maxAgeMs: 5_000 });
    if (!store) throw new AppError("NOT_FOUND", "No store with this hash is installed");
    secretOk = secretHeaderMatches(delivery.headers, store.webhookSecret);
  }
  if (signature === "invalid" || (!secretOk && signature !== "valid")) {
    await countWebhookRejection(db, store.id);
    throw new AppError("UNAUTHORIZED", signature === "invalid" ? "The webhook signature does not verify" : "Missing or wrong webhook secret");
  }

  return recordInboundEvent(db, {
    storeId: store.id,
    source: "BIGCOMMERCE",
    dedupeKey: `bigcommerce:${store.id}:${envelope.dedupeSuffix}`,
    kind: envelope.kind.slice(0, 200),
    payload: body,
  });
}
