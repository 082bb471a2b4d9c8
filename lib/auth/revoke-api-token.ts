import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

export async function revokeApiToken(db: Db, input: { storeId: string; tokenId: string; actorId: string }) {
  return db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({
      where: { id: input.tokenId, storeId: input.storeId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 0) throw new AppError("NOT_FOUND", "No active API token with that id");
    await tx.auditLog.create({
      data: { storeId: input.storeId, actorId: input.actorId, action: "api_token.revoked", targetType: "ApiToken", targetId: input.tokenId },
    });
  });
}
