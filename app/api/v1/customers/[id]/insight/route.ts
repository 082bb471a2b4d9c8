import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { getCustomerInsight } from "@/lib/customers/customer-insight.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The customer's insight card: value of the orders Tern has seen (per currency), last order, open tickets, last CSAT. */
export const GET = withApi<Params>(async ({ actor, params }) => json(await getCustomerInsight(db(), { storeId: actor.storeId, customerId: params.id })));

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
