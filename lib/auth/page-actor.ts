import { headers } from "next/headers";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { actorFromSession, type ApiActor } from "./authenticate-request.ts";
import { readSessionCookie } from "./session-token.ts";

export type PageAccess = { actor: ApiActor; allowed: true } | { actor: ApiActor | null; allowed: false; embedded: boolean };

/**
 * The signed-in user of a server-rendered page, re-read from the database like /api/v1 does (a
 * disabled user, a changed role or an uninstalled store take effect at once), and whether their
 * role may see the page. `embedded`: the page is loading inside an iframe (the BigCommerce
 * control panel), where the password sign-in cannot set its cookie.
 */
export async function pageAccess(roles: readonly Role[]): Promise<PageAccess> {
  const requestHeaders = await headers();
  const session = await readSessionCookie(requestHeaders.get("cookie"));
  const actor = session ? await actorFromSession(session) : null;
  if (actor && roles.includes(actor.role)) return { actor, allowed: true };
  return { actor, allowed: false, embedded: requestHeaders.get("sec-fetch-dest") === "iframe" };
}
