import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteEscalationPolicy } from "@/lib/sla/delete-escalation-policy.ts";
import { updateEscalationPolicy } from "@/lib/sla/update-escalation-policy.ts";
import { updateEscalationPolicyBodySchema } from "@/lib/validations/sla.ts";

export const runtime = "nodejs";

type Params = { id: string };

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const PATCH = withApi<Params>(async ({ request, actor, params }) => {
  const patch = updateEscalationPolicyBodySchema.parse(await readJson(request));
  return json({ policy: await updateEscalationPolicy(db(), { storeId: actor.storeId, policyId: params.id, patch }) });
}, supervisors);

export const DELETE = withApi<Params>(async ({ actor, params }) => {
  await deleteEscalationPolicy(db(), { storeId: actor.storeId, policyId: params.id });
  return new Response(null, { status: 204 });
}, supervisors);

const notAllowed = methodNotAllowed(["PATCH", "DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
