import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createEscalationPolicy } from "@/lib/sla/create-escalation-policy.ts";
import { listEscalationPolicies } from "@/lib/sla/list-escalation-policies.ts";
import { createEscalationPolicyBodySchema } from "@/lib/validations/sla.ts";

export const runtime = "nodejs";

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ items: await listEscalationPolicies(db(), actor.storeId) }), supervisors);

export const POST = withApi(async ({ request, actor }) => {
  const policy = createEscalationPolicyBodySchema.parse(await readJson(request));
  return json({ policy: await createEscalationPolicy(db(), { storeId: actor.storeId, policy }) }, 201);
}, supervisors);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
