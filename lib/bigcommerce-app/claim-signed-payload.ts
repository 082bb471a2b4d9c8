import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { SignedPayload } from "./verify-signed-payload.ts";

/**
 * Accepts a verified signed payload once: the first use records its jti until the token expires,
 * any later one is a 401 (a replayed load URL). Expired records are cleared as new ones arrive.
 */
export async function claimSignedPayload(db: Db, payload: SignedPayload, now: Date = new Date()): Promise<void> {
  const inserted = await db.$executeRaw`
    INSERT INTO "UsedSignedPayload" (jti, "expiresAt") VALUES (${payload.jti}, ${payload.expiresAt})
    ON CONFLICT (jti) DO NOTHING`;
  if (inserted === 0) throw new AppError("UNAUTHORIZED", "signed_payload_jwt refused: this link was already used; open the app again from the control panel");
  await db.$executeRaw`DELETE FROM "UsedSignedPayload" WHERE jti IN (SELECT jti FROM "UsedSignedPayload" WHERE "expiresAt" < ${now} LIMIT 100)`;
}
