import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";

/**
 * Encrypts secrets at rest (BigCommerce access tokens, Telegram bot tokens) with AES-256-GCM.
 * The key is derived with HKDF-SHA256 from TERN_ENCRYPTION_KEY, else NEXTAUTH_SECRET, so a
 * fresh install needs no extra configuration; setting TERN_ENCRYPTION_KEY lets the session
 * secret rotate without losing stored tokens.
 *
 * Sealed form: `v1.<iv>.<tag>.<ciphertext>`, each part base64url. The version prefix leaves room
 * for a key rotation later.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const SALT = "tern-secret-box";
const INFO = "tern:secret-box:v1";

const cache = new Map<string, Buffer>();

function masterSecret(): string {
  const secret = runtimeConfig().encryptionKey;
  if (!secret) throw new Error("Set TERN_ENCRYPTION_KEY or NEXTAUTH_SECRET: stored secrets are encrypted with a key derived from it");
  return secret;
}

function key(): Buffer {
  const secret = masterSecret();
  let derived = cache.get(secret);
  if (!derived) {
    derived = Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
    cache.clear();
    cache.set(secret, derived);
  }
  return derived;
}

export function sealSecret(plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Throws when the value was tampered with or sealed under another key; the message never contains the secret. */
export function openSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new Error("Not a sealed secret (expected v1.<iv>.<tag>.<ciphertext>)");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("The sealed secret cannot be opened: wrong key (TERN_ENCRYPTION_KEY / NEXTAUTH_SECRET changed?) or tampered data");
  }
}
