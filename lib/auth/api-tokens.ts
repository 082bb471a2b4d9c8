import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client.ts";

const PREFIX = "tern_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for a user of the store; the plain token is returned once and only its hash is kept. */
export async function createApiToken(db: Db, input: { storeId: string; userId: string; name: string }) {
  const token = PREFIX + randomBytes(24).toString("base64url");
  const row = await db.apiToken.create({
    data: { storeId: input.storeId, userId: input.userId, name: input.name, tokenHash: hashApiToken(token), prefix: token.slice(0, 10) },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { ...row, token };
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 16;
}
