import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.ts";
import { isSafeCallbackUrl } from "./callback-url.ts";
import { actorFromSession } from "./authenticate-request.ts";
import { checkLoginAllowed, recordFailedLogin, resetLoginAttempts } from "./login-rate-limit.ts";
import { verifyPassword } from "./password.ts";
import { SESSION_MAX_AGE_SECONDS } from "./session-lifetime.ts";
import { signedInAtOf } from "./session-token.ts";

export type SessionUser = { id: string; storeId: string; role: Role; name: string; email: string };

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    storeId: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    storeId: string;
    role: Role;
    /** Unix seconds of the sign-in this session came from; a user's sessionsValidFrom ends older ones. */
    signedInAt?: number;
  }
}

/** A session the user's disable or role change ended: next-auth drops its cookie, the page asks to sign in. */
class SessionEndedError extends Error {
  constructor() {
    super("This session ended: the account was disabled or its role changed. Sign in again.");
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

// A password check against this keeps the time of "no such user" close to a wrong password.
const DUMMY_HASH = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** The connection's address as the server wrote it (lib/server/client-address.ts); a client cannot choose it. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const address = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof address === "string" && address ? address : "unknown";
}

export const authOptions: NextAuthOptions = {
  // Read when next-auth asks, from the configuration this process started with (a generated secret
  // is never in the environment).
  get secret() {
    return runtimeConfig().sessionSecret;
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  logger: {
    // An ended session is expected, not a server error: next-auth clears its cookie quietly.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const key = { email, address: clientAddress(request?.headers) };
        const attempt = await checkLoginAllowed(key);
        if (!attempt.allowed) throw new Error(`Too many sign-in attempts. Try again in ${attempt.retryAfterSeconds} seconds.`);

        const candidates = await db().user.findMany({
          where: { email, disabledAt: null, passwordHash: { not: null }, store: { status: { not: "UNINSTALLED" } } },
          select: { id: true, storeId: true, role: true, name: true, email: true, passwordHash: true },
        });
        if (candidates.length === 0) {
          await verifyPassword(password, DUMMY_HASH);
          await recordFailedLogin(key);
          return null;
        }
        for (const user of candidates) {
          if (user.passwordHash && (await verifyPassword(password, user.passwordHash))) {
            await resetLoginAttempts(key);
            return { id: user.id, storeId: user.storeId, role: user.role, name: user.name, email: user.email };
          }
        }
        await recordFailedLogin(key);
        return null;
      },
    }),
  ],
  callbacks: {
    // Never throws (next-auth's default does on a malformed URL) and never leaves the site.
    redirect({ url, baseUrl }) {
      if (!isSafeCallbackUrl(url, baseUrl)) return baseUrl;
      return url.startsWith("/") ? `${baseUrl}${url}` : url;
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.storeId = user.storeId;
        token.role = user.role;
        token.name = user.name;
        token.signedInAt = Math.floor(Date.now() / 1000);
        return token;
      }
      // Every later read of the session: the account as it is now, judged as /api/v1 judges it.
      const current = token.sub ? await actorFromSession({ userId: token.sub, signedInAt: signedInAtOf(token) }) : null;
      if (!current) throw new SessionEndedError();
      token.role = current.role;
      token.name = current.name;
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        storeId: token.storeId,
        role: token.role,
        name: token.name ?? "",
        email: token.email ?? "",
      };
      return session;
    },
  },
};
