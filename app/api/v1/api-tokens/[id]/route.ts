import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { revokeApiToken } from "@/lib/auth/revoke-api-token.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

export const runtime = "nodejs";

export const DELETE = withApi<{ id: string }>(
  async ({ actor, params }) => {
    if (!isUuid(params.id)) throw new AppError("NOT_FOUND", "No active API token with that id");
    await revokeApiToken(db(), { storeId: actor.storeId, tokenId: params.id, actorId: actor.userId });
    return new Response(null, { status: 204 });
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
