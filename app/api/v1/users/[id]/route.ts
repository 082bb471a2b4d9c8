import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { updateStorePerson } from "@/lib/users/update-store-person.ts";
import { storePersonBodySchema } from "@/lib/validations/users.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Role, team, capacity, disabled: the admin's agents page. */
export const PATCH = withApi<Params>(
  async ({ request, actor, params }) => {
    const patch = storePersonBodySchema.parse(await readJson(request));
    return json({ user: await updateStorePerson(db(), { storeId: actor.storeId, actorId: actor.userId, userId: params.id, patch }) });
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["PATCH"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
