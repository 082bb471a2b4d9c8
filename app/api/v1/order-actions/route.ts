import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { listOrderActions } from "@/lib/order-actions/list-order-actions.ts";
import { listOrderActionsQuerySchema } from "@/lib/validations/order-actions.ts";

export const runtime = "nodejs";

/** The store's order actions, e.g. `?status=PENDING_APPROVAL` for refunds waiting on a supervisor. */
export const GET = withApi(
  async ({ request, actor }) => {
    const { status } = listOrderActionsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json({ items: await listOrderActions(db(), { storeId: actor.storeId, status }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
