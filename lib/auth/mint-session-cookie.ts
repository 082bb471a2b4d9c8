import { encode } from "next-auth/jwt";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime.ts";

export type SessionSubject = { id: string; storeId: string; role: Role; name: string; email?: string | null };

export type MintedSessionCookie = { name: string; value: string; maxAgeSeconds: number; secure: boolean };

/** next-auth v4 prefixes its cookie with __Secure- when NEXTAUTH_URL is https; readers accept both names. */
export function sessionCookieName(): string {
  return runtimeConfig().publicUrl.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The session token next-auth itself would issue after a sign-in: the same claims as the jwt
 * callback in auth-options.ts, encrypted with NEXTAUTH_SECRET, so getServerSession, /api/v1 and
 * socket.io accept it like any other session.
 */
export async function mintSessionToken(user: SessionSubject): Promise<string> {
  const secret = runtimeConfig().sessionSecret;
  if (!secret) throw new Error("No session secret (NEXTAUTH_SECRET): sessions cannot be signed");
  return encode({
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
    token: { sub: user.id, storeId: user.storeId, role: user.role, name: user.name, email: user.email ?? null, signedInAt: Math.floor(Date.now() / 1000) },
  });
}

export async function mintSessionCookie(user: SessionSubject): Promise<MintedSessionCookie> {
  const name = sessionCookieName();
  return { name, value: await mintSessionToken(user), maxAgeSeconds: SESSION_MAX_AGE_SECONDS, secure: name.startsWith("__Secure-") };
}

/**
 * Set-Cookie for a session used inside the BigCommerce control panel: the app runs in a
 * cross-site iframe there, where only `SameSite=None; Secure` cookies are sent. `Partitioned`
 * keeps the cookie working where third-party cookies are blocked (it is then kept per top-level
 * site, which is what an embedded app wants). Browsers treat http://localhost as secure, so this
 * also works in local runs and tests.
 */
export function embeddedSessionSetCookie(cookie: MintedSessionCookie): string {
  return `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAgeSeconds}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** Set-Cookie for a session made outside the control panel (first-party, as next-auth's own sign-in sets it). */
export function firstPartySessionSetCookie(cookie: MintedSessionCookie): string {
  return `${cookie.name}=${cookie.value}; Path=/; Max-Age=${cookie.maxAgeSeconds}; HttpOnly; SameSite=Lax${cookie.secure ? "; Secure" : ""}`;
}
