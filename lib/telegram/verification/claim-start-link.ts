import type { Tx } from "@/lib/db/client.ts";
import type { StartLinkClaim } from "@/lib/chat-links/start-link.ts";

/**
 * A signed start link works once: the first chat that opens it records its nonce until the link
 * expires; false when another chat already did. The record lives with the control panel's used
 * load tokens (one table of "seen once" ids), under its own prefix.
 */
export async function claimStartLinkInTx(tx: Tx, storeId: string, claim: StartLinkClaim): Promise<boolean> {
  const jti = `tg-start:${storeId}:${claim.nonce}`;
  const inserted = await tx.$executeRaw`
    INSERT INTO "UsedSignedPayload" (jti, "expiresAt") VALUES (${jti}, ${claim.expiresAt})
    ON CONFLICT (jti) DO NOTHING`;
  return inserted > 0;
}
