import NextAuth from "next-auth";
import { errorResponse } from "@/lib/api/error-response.ts";
import { authOptions } from "@/lib/auth/auth-options.ts";
import { unsafeCallbackUrl } from "@/lib/auth/callback-url.ts";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";

export const runtime = "nodejs";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/** A callback URL that is not this site's is refused here (400): next-auth answered some with a 500. */
async function guarded(request: Request, context: Context): Promise<Response> {
  if (await unsafeCallbackUrl(request, runtimeConfig().publicUrl)) {
    return errorResponse(400, "BAD_REQUEST", "callbackUrl must be a path on this site");
  }
  return (handler as (request: Request, context: Context) => Promise<Response>)(request, context);
}

export { guarded as GET, guarded as POST };
