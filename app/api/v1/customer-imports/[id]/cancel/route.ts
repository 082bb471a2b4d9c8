import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { cancelCustomerImport } from "@/lib/customers/import/cancel-customer-import.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Stops a queued or running import; customers imported so far stay. */
export const POST = withApi<Params>(async ({ actor, params }) => json({ import: await cancelCustomerImport(db(), { storeId: actor.storeId, importId: params.id }) }), { roles: ["ADMIN"] });

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
