import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteAssignmentRule } from "@/lib/routing/delete-assignment-rule.ts";
import { updateAssignmentRule } from "@/lib/routing/update-assignment-rule.ts";
import { updateAssignmentRuleBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

type Params = { id: string };

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const PATCH = withApi<Params>(async ({ request, actor, params }) => {
  const patch = updateAssignmentRuleBodySchema.parse(await readJson(request));
  return json({ rule: await updateAssignmentRule(db(), { storeId: actor.storeId, ruleId: params.id, patch }) });
}, supervisors);

export const DELETE = withApi<Params>(async ({ actor, params }) => {
  await deleteAssignmentRule(db(), { storeId: actor.storeId, ruleId: params.id });
  return new Response(null, { status: 204 });
}, supervisors);

const notAllowed = methodNotAllowed(["PATCH", "DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
