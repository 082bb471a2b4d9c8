import { encode } from "next-auth/jwt";

/** A next-auth session cookie for a user, as the browser would hold after signing in. */
export async function sessionCookieFor(user: { id: string; storeId: string; role: "AGENT" | "SUPERVISOR" | "ADMIN"; name: string }): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set in tests");
  const token = await encode({ secret, token: { sub: user.id, storeId: user.storeId, role: user.role, name: user.name } });
  return `next-auth.session-token=${token}`;
}
