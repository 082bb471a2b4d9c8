import { errorResponse } from "@/lib/api/error-response.ts";
import { handleApiError } from "@/lib/api/handle-error.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { isCrossSiteBrowserRequest } from "@/lib/auth/cross-site-request.ts";
import { firstPartySessionSetCookie, mintSessionCookie } from "@/lib/auth/mint-session-cookie.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { setUpFirstStore } from "@/lib/bigcommerce-app/set-up-first-store.ts";
import { bigcommerceApiUrl } from "@/lib/bigcommerce/bigcommerce-api-url.ts";
import { runtimeConfig } from "@/lib/config/runtime-config.ts";
import { db } from "@/lib/db/client.ts";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.ts";
import { firstStoreBodySchema } from "@/lib/validations/store-connection.ts";

export const runtime = "nodejs";

/**
 * A store's first connection by API account, signed out (the page /connect): `{ apiPath,
 * accessToken, setupCode, admin: { name, email, password } }`. Creates the store and its first
 * admin, registers the hooks, and signs the admin in. Never changes a store Tern already has.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    if (isCrossSiteBrowserRequest(request.headers)) return errorResponse(403, "FORBIDDEN", "Cross-site request refused");
    const body = firstStoreBodySchema.parse(await readJson(request));
    const result = await setUpFirstStore(db(), body, {
      apiUrl: bigcommerceApiUrl(),
      publicUrl: publicUrl(),
      expectedSetupCode: runtimeConfig().setupCode,
      address: request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown",
    });
    const { user, ...connected } = result;
    const cookie = await mintSessionCookie(user);
    return Response.json(connected, { status: 201, headers: { "set-cookie": firstPartySessionSetCookie(cookie), "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
}

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
