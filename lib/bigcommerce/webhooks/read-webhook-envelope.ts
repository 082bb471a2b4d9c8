import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors.ts";

export type WebhookEnvelope = {
  /** The store the delivery is for, when the body or the URL says. */
  storeHash: string | null;
  /** The scope (light form), the seed's event name, or "unknown" (stored, then dead-lettered). */
  kind: string;
  /** What makes this event unique within its store; redeliveries of one event give the same value. */
  dedupeSuffix: string;
};

type Json = Record<string, unknown>;

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

function scalar(value: unknown): string | null {
  if (typeof value === "string" && value.trim()) return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

// BigCommerce store hashes are short and alphanumeric (Tern's tests and benches add - and _). Any
// other value is refused before it reaches a query or a cache: a 900 KB "hash" per delivery once
// filled the store cache until the process ran out of memory, and U+0000 failed in PostgreSQL.
const STORE_HASH = /^[A-Za-z0-9_-]{1,64}$/;

function hashFromProducer(producer: unknown): string | null {
  const match = typeof producer === "string" ? /^stores\/(.*)$/s.exec(producer.trim()) : null;
  return match ? match[1]! : null;
}

/**
 * Reads just enough of a webhook body to store it: which store, what kind, and its dedupe key.
 * Lenient: the light envelope (`store_id` string or number), the seed's `{ event, data }` form,
 * and any other JSON object (kept as kind "unknown" so an admin sees it in the dead letters).
 * Only a body that is not a JSON object is refused here.
 *
 * Dedupe: BigCommerce's `hash` is a SHA-1 of `data` alone, and light `data` is just ids, so two
 * different updates of one order share a hash. Scope + hash + created_at tells them apart while a
 * redelivery (same body) still collides. Without a hash: scope + data id + created_at.
 */
export function readWebhookEnvelope(body: unknown, rawBody: string, storeHashFromUrl: string | null): WebhookEnvelope {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new AppError("BAD_REQUEST", "The webhook body must be a JSON object");
  }
  const json = body as Json;
  const storeHash = hashFromProducer(json.producer) ?? scalar(json.store_hash) ?? storeHashFromUrl;
  if (storeHash !== null && !STORE_HASH.test(storeHash)) throw new AppError("BAD_REQUEST", "The store hash is not a BigCommerce store hash");
  const scope = scalar(json.scope);
  if (scope) {
    const data = (json.data && typeof json.data === "object" ? json.data : {}) as Json;
    const createdAt = scalar(json.created_at);
    const hash = scalar(json.hash);
    const id = scalar(data.id);
    const suffix = hash
      ? `${scope}:${hash}:${createdAt ?? ""}`
      : id && createdAt
        ? `${scope}:${scalar(data.type) ?? ""}:${id}:${createdAt}`
        : `${scope}:body:${digest(rawBody)}`;
    return { storeHash, kind: scope, dedupeSuffix: suffix };
  }
  const event = scalar(json.event);
  if (event) return { storeHash, kind: event, dedupeSuffix: `${event}:body:${digest(rawBody)}` };
  return { storeHash, kind: "unknown", dedupeSuffix: `unknown:body:${digest(rawBody)}` };
}
