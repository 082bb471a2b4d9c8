import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { approveRefund } from "@/lib/order-actions/decide-refund.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const POST = withApi<Params>(async ({ actor, params }) => json({ action: await approveRefund(db(), { actor, actionId: params.id }) }), {
  roles: ["SUPERVISOR", "ADMIN"],
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
