import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createSlaPolicy } from "@/lib/sla/create-sla-policy.ts";
import { listSlaPolicies } from "@/lib/sla/list-sla-policies.ts";
import { createSlaPolicyBodySchema } from "@/lib/validations/sla.ts";

export const runtime = "nodejs";

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ items: await listSlaPolicies(db(), actor.storeId) }), supervisors);

export const POST = withApi(async ({ request, actor }) => {
  const policy = createSlaPolicyBodySchema.parse(await readJson(request));
  return json({ policy: await createSlaPolicy(db(), { storeId: actor.storeId, policy }) }, 201);
}, supervisors);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
