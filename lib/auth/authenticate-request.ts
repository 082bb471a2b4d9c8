import { db } from "@/lib/db/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { hashApiToken, looksLikeApiToken } from "./api-tokens.ts";
import { lowerRole } from "./lower-role.ts";
import { readSessionCookie, type SessionClaims } from "./session-token.ts";
import { stampApiTokenUse } from "./stamp-api-token-use.ts";

export type ApiActor = { userId: string; storeId: string; role: Role; name: string };

// The store's status comes along: nobody acts for a store that uninstalled the app.
const actorSelect = { id: true, storeId: true, role: true, name: true, disabledAt: true, sessionsValidFrom: true, store: { select: { status: true } } } as const;

async function actorFromBearer(token: string): Promise<ApiActor | null> {
  if (!looksLikeApiToken(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, role: true, lastUsedAt: true, revokedAt: true, storeId: true, user: { select: actorSelect } },
  });
  if (!row || row.revokedAt || row.user.disabledAt || row.user.store.status === "UNINSTALLED" || row.user.storeId !== row.storeId) return null;
  // Best effort: a failed stamp must not fail the request.
  await stampApiTokenUse(db(), row).catch(() => undefined);
  return { userId: row.user.id, storeId: row.storeId, role: lowerRole(row.role, row.user.role), name: row.user.name };
}

/** Whether a session signed in at `signedInAt` (unix seconds) predates the user's last disable or role change. */
function sessionEnded(sessionsValidFrom: Date | null, signedInAt: number): boolean {
  return sessionsValidFrom !== null && signedInAt < Math.floor(sessionsValidFrom.getTime() / 1000);
}

/**
 * The user of a session, re-read so that a disabled user or a changed role takes effect at once;
 * a session from before the user was disabled or changed role stays ended (also once re-enabled).
 */
export async function actorFromSession(session: SessionClaims): Promise<ApiActor | null> {
  const user = await db().user.findUnique({ where: { id: session.userId }, select: actorSelect });
  if (!user || user.disabledAt || user.store.status === "UNINSTALLED" || sessionEnded(user.sessionsValidFrom, session.signedInAt)) return null;
  return { userId: user.id, storeId: user.storeId, role: user.role, name: user.name };
}

/** `Authorization: Bearer <api token>` or the next-auth session cookie; null when neither is valid. */
export async function authenticateRequest(request: Request): Promise<ApiActor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    return scheme?.toLowerCase() === "bearer" && token ? actorFromBearer(token.trim()) : null;
  }
  const session = await readSessionCookie(request.headers.get("cookie"));
  return session ? actorFromSession(session) : null;
}
