import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";

/**
 * The signed `start` payload of a "Chat with us on Telegram" link: whoever opens the bot with it
 * arrives verified as the order's (or customer's) owner. Telegram allows 64 characters of
 * [A-Za-z0-9_-]; this one is 42: 16 bytes of claim and a 15-byte HMAC-SHA256 tag, base64url.
 *
 * Claim bytes: version (1), kind (1: 0 order, 1 customer), BigCommerce id (4), expiry in Unix
 * seconds (4), nonce (6). The key is derived per store from TERN_ENCRYPTION_KEY, so a token of one
 * store opens nothing in another, and the nonce makes each link single-use (UsedSignedPayload).
 */

export type StartLinkSubject = { kind: "order"; orderId: number } | { kind: "customer"; bigcommerceCustomerId: number };
export type StartLinkClaim = StartLinkSubject & { expiresAt: Date; nonce: string };

const VERSION = 1;
const CLAIM_BYTES = 16;
const TAG_BYTES = 15;
const MAX_ID = 0xffff_ffff;
/** Long enough for a packing slip to be opened when the parcel arrives weeks later. */
export const START_LINK_LIFETIME_DAYS = 60;

function storeKey(storeId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", runtimeConfig().encryptionKey, "tern-telegram-start-link", `tern:telegram-start:${storeId}`, 32));
}

function tag(storeId: string, claim: Buffer): Buffer {
  return createHmac("sha256", storeKey(storeId)).update(claim).digest().subarray(0, TAG_BYTES);
}

function subjectId(subject: StartLinkSubject): number {
  return subject.kind === "order" ? subject.orderId : subject.bigcommerceCustomerId;
}

export function signStartToken(storeId: string, subject: StartLinkSubject, now: Date = new Date()): { token: string; expiresAt: Date } {
  const id = subjectId(subject);
  if (!Number.isSafeInteger(id) || id <= 0 || id > MAX_ID) throw new RangeError("A start link names a positive BigCommerce id");
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + START_LINK_LIFETIME_DAYS * 86_400_000);
  const claim = Buffer.alloc(CLAIM_BYTES);
  claim.writeUInt8(VERSION, 0);
  claim.writeUInt8(subject.kind === "order" ? 0 : 1, 1);
  claim.writeUInt32BE(id, 2);
  claim.writeUInt32BE(expiresAt.getTime() / 1000, 6);
  randomBytes(6).copy(claim, 10);
  return { token: Buffer.concat([claim, tag(storeId, claim)]).toString("base64url"), expiresAt };
}

export type StartTokenReading = { ok: true; claim: StartLinkClaim } | { ok: false; reason: "malformed" | "forged" | "expired" };

/** Checks a `/start` payload for this store: shape, signature (constant time), then expiry. */
export function readStartToken(storeId: string, payload: string, now: Date = new Date()): StartTokenReading {
  if (!/^[A-Za-z0-9_-]{42}$/.test(payload)) return { ok: false, reason: "malformed" };
  const bytes = Buffer.from(payload, "base64url");
  if (bytes.length !== CLAIM_BYTES + TAG_BYTES) return { ok: false, reason: "malformed" };
  const claim = bytes.subarray(0, CLAIM_BYTES);
  if (!timingSafeEqual(bytes.subarray(CLAIM_BYTES), tag(storeId, claim))) return { ok: false, reason: "forged" };
  if (claim.readUInt8(0) !== VERSION || claim.readUInt8(1) > 1) return { ok: false, reason: "malformed" };
  const id = claim.readUInt32BE(2);
  const expiresAt = new Date(claim.readUInt32BE(6) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const nonce = claim.subarray(10, 16).toString("base64url");
  const subject: StartLinkSubject = claim.readUInt8(1) === 0 ? { kind: "order", orderId: id } : { kind: "customer", bigcommerceCustomerId: id };
  return { ok: true, claim: { ...subject, expiresAt, nonce } };
}

export function startLinkUrl(botUsername: string, token: string): string {
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${token}`;
}

/** A fresh signed link to the store's bot for an order or a customer. */
export function signedStartLink(botUsername: string, storeId: string, subject: StartLinkSubject, now?: Date): { url: string; expiresAt: Date } {
  const { token, expiresAt } = signStartToken(storeId, subject, now);
  return { url: startLinkUrl(botUsername, token), expiresAt };
}
