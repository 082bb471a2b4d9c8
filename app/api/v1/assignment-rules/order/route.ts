import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { reorderAssignmentRules } from "@/lib/routing/reorder-assignment-rules.ts";
import { reorderAssignmentRulesBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

/** The whole order at once: { ids: [first, second, …] }. */
export const PUT = withApi(
  async ({ request, actor }) => {
    const { ids } = reorderAssignmentRulesBodySchema.parse(await readJson(request));
    return json({ items: await reorderAssignmentRules(db(), { storeId: actor.storeId, ids }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["PUT"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
