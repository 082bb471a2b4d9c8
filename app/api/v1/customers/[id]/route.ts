import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { getCustomer } from "@/lib/customers/get-customer.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** One customer with their tickets and orders. */
export const GET = withApi<Params>(async ({ actor, params }) => json(await getCustomer(db(), { storeId: actor.storeId, customerId: params.id })));

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
