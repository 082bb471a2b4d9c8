import { createHash, randomInt } from "node:crypto";
import type { Db, Tx } from "@/lib/db/client.ts";

// No 0/O, 1/I/L: a code is read off a screen and typed on a phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 8;
export const STAFF_LINK_CODE_MINUTES = 10;

function normalise(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, "");
}

function codeHash(storeId: string, code: string): string {
  return createHash("sha256").update(`${storeId}:${normalise(code)}`).digest("hex");
}

/** Whether the text after /iam could be a code (an email or anything else is not). */
export function looksLikeStaffLinkCode(text: string): boolean {
  return /^[0-9A-Za-z-]{8,9}$/.test(text.trim());
}

/**
 * A code the signed-in user sends as "/iam <code>" in the store's staff group, valid 10 minutes and
 * once; their earlier unused codes stop working. Only its hash is stored: the code is shown once.
 */
export async function issueStaffLinkCode(db: Db, input: { storeId: string; userId: string; now?: Date }): Promise<{ code: string; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
  const expiresAt = new Date(now.getTime() + STAFF_LINK_CODE_MINUTES * 60_000);
  await db.$transaction([
    db.staffLinkCode.updateMany({ where: { storeId: input.storeId, userId: input.userId, usedAt: null }, data: { usedAt: now } }),
    db.staffLinkCode.create({ data: { storeId: input.storeId, userId: input.userId, codeHash: codeHash(input.storeId, code), expiresAt }, select: { id: true } }),
  ]);
  return { code, expiresAt };
}

/** The active user a valid, unused, unexpired code of this store was issued to; the code is spent. Null otherwise. */
export async function redeemStaffLinkCodeInTx(tx: Tx, input: { storeId: string; code: string; now: Date }): Promise<{ id: string; name: string } | null> {
  const row = await tx.staffLinkCode.findUnique({
    where: { codeHash: codeHash(input.storeId, input.code) },
    select: { id: true, storeId: true, usedAt: true, expiresAt: true, user: { select: { id: true, name: true, disabledAt: true } } },
  });
  if (!row || row.storeId !== input.storeId || row.usedAt || row.expiresAt <= input.now || row.user.disabledAt) return null;
  const spent = await tx.staffLinkCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: input.now } });
  return spent.count === 1 ? { id: row.user.id, name: row.user.name } : null;
}
