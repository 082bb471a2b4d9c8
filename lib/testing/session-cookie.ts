import { mintSessionToken, type SessionSubject } from "@/lib/auth/mint-session-cookie.ts";

/** A next-auth session cookie for a user, as the browser would hold after signing in. */
export async function sessionCookieFor(user: SessionSubject): Promise<string> {
  if (!process.env.NEXTAUTH_SECRET) throw new Error("NEXTAUTH_SECRET must be set in tests");
  return `next-auth.session-token=${await mintSessionToken(user)}`;
}
