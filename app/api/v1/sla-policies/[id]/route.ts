import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteSlaPolicy } from "@/lib/sla/delete-sla-policy.ts";
import { updateSlaPolicy } from "@/lib/sla/update-sla-policy.ts";
import { updateSlaPolicyBodySchema } from "@/lib/validations/sla.ts";

export const runtime = "nodejs";

type Params = { id: string };

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const PATCH = withApi<Params>(async ({ request, actor, params }) => {
  const patch = updateSlaPolicyBodySchema.parse(await readJson(request));
  return json({ policy: await updateSlaPolicy(db(), { storeId: actor.storeId, policyId: params.id, patch }) });
}, supervisors);

export const DELETE = withApi<Params>(async ({ actor, params }) => {
  await deleteSlaPolicy(db(), { storeId: actor.storeId, policyId: params.id });
  return new Response(null, { status: 204 });
}, supervisors);

const notAllowed = methodNotAllowed(["PATCH", "DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
