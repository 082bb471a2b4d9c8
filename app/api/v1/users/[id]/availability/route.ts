import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { getUserAvailability } from "@/lib/routing/get-user-availability.ts";
import { setUserAvailability } from "@/lib/routing/set-user-availability.ts";
import { availabilityBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

type Params = { id: string };

// Any signed-in user: agents read and set their own, supervisors and admins anyone's (checked in lib/routing).
export const GET = withApi<Params>(async ({ actor, params }) =>
  json({ user: await getUserAvailability(db(), { storeId: actor.storeId, actor, userId: params.id }) }),
);

export const PUT = withApi<Params>(async ({ request, actor, params }) => {
  const { availability } = availabilityBodySchema.parse(await readJson(request));
  const result = await setUserAvailability(db(), { storeId: actor.storeId, actor, userId: params.id, availability });
  return json({ user: result.user, requeued: result.requeued.length, assigned: result.assigned.length });
});

const notAllowed = methodNotAllowed(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
