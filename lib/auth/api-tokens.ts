import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { outranks } from "./lower-role.ts";

const PREFIX = "tern_";

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a token acting as a user of the store; the plain token is returned once and only its
 * hash is kept. Calls on it carry `role` (the user's own role when absent), and never more than
 * the user's role of the day.
 */
export async function createApiToken(db: Db, input: { storeId: string; userId: string; name: string; role?: Role; actorId?: string }) {
  const token = PREFIX + randomBytes(24).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, storeId: input.storeId, disabledAt: null }, select: { id: true, role: true } });
    if (!user) throw new AppError("UNPROCESSABLE", "The token's user must be an active user of this store");
    const role = input.role ?? user.role;
    if (outranks(role, user.role)) throw new AppError("UNPROCESSABLE", `The token's role cannot be above its user's role (${user.role.toLowerCase()})`);
    const created = await tx.apiToken.create({
      data: {
        storeId: input.storeId,
        userId: input.userId,
        name: input.name,
        role,
        createdById: input.actorId ?? null,
        tokenHash: hashApiToken(token),
        prefix: token.slice(0, 10),
      },
      select: { id: true, name: true, prefix: true, role: true, createdAt: true },
    });
    await tx.auditLog.create({
      data: {
        storeId: input.storeId,
        actorId: input.actorId ?? null,
        action: "api_token.created",
        targetType: "ApiToken",
        targetId: created.id,
        detail: { name: input.name, userId: input.userId, role },
      },
    });
    return created;
  });
  return { ...row, token };
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > PREFIX.length + 16;
}
