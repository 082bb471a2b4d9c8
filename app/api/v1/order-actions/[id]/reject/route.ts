import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readOptionalJson } from "@/lib/api/read-optional-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { rejectRefund } from "@/lib/order-actions/decide-refund.ts";
import { rejectOrderActionBodySchema } from "@/lib/validations/order-actions.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const POST = withApi<Params>(
  async ({ request, actor, params }) => {
    // The note is optional: an empty body rejects without one.
    const { note } = rejectOrderActionBodySchema.parse(await readOptionalJson(request));
    return json({ action: await rejectRefund(db(), { actor, actionId: params.id, note }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
