import { decode } from "next-auth/jwt";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";

// next-auth v4 names its cookie with a __Secure- prefix on https.
const COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeCookieValue(part.slice(index + 1).trim()));
  }
  return cookies;
}

// The Cookie header is the client's to write: a stray "%" must read as no session, not throw (a 500, or a refused socket for the wrong reason).
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Large sessions are split by next-auth into `name.0`, `name.1`, …; join them back. */
function sessionCookie(cookies: Map<string, string>): string | undefined {
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
    if (chunks.length) return chunks.join("");
  }
  return undefined;
}

/** `signedInAt`: unix seconds of the sign-in the session came from (a user's sessionsValidFrom ends older ones). */
export type SessionClaims = { userId: string; signedInAt: number };

/** When the session's sign-in was. Sessions minted before signedInAt existed carry only iat, which a refresh moves forward. */
export function signedInAtOf(claims: { signedInAt?: unknown; iat?: unknown }): number {
  return typeof claims.signedInAt === "number" ? claims.signedInAt : typeof claims.iat === "number" ? claims.iat : 0;
}

/** Verifies the next-auth session cookie in a Cookie header; null when absent, forged or expired. */
export async function readSessionCookie(cookieHeader: string | null | undefined): Promise<SessionClaims | null> {
  const token = sessionCookie(parseCookies(cookieHeader));
  const secret = runtimeConfig().sessionSecret;
  if (!token || !secret) return null;
  try {
    const claims = await decode({ token, secret });
    return claims?.sub ? { userId: claims.sub, signedInAt: signedInAtOf(claims) } : null;
  } catch {
    return null;
  }
}
