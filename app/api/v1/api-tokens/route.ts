import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { listApiTokens } from "@/lib/auth/list-api-tokens.ts";
import { db } from "@/lib/db/client.ts";
import { createApiTokenBodySchema } from "@/lib/validations/api-tokens.ts";

export const runtime = "nodejs";

// Tokens let other tools call /api/v1; only admins make or see them (SPEC, "Public contract").
export const GET = withApi(async ({ actor }) => json({ items: await listApiTokens(db(), actor.storeId) }), { roles: ["ADMIN"] });

export const POST = withApi(
  async ({ request, actor }) => {
    const body = createApiTokenBodySchema.parse(await readJson(request));
    const created = await createApiToken(db(), { storeId: actor.storeId, userId: body.userId ?? actor.userId, name: body.name, role: body.role, actorId: actor.userId });
    return json({ apiToken: created }, 201);
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
