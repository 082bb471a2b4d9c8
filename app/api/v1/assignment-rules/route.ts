import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createAssignmentRule } from "@/lib/routing/create-assignment-rule.ts";
import { listAssignmentRules } from "@/lib/routing/list-assignment-rules.ts";
import { createAssignmentRuleBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ items: await listAssignmentRules(db(), actor.storeId) }), supervisors);

export const POST = withApi(async ({ request, actor }) => {
  const rule = createAssignmentRuleBodySchema.parse(await readJson(request));
  return json({ rule: await createAssignmentRule(db(), { storeId: actor.storeId, rule }) }, 201);
}, supervisors);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
