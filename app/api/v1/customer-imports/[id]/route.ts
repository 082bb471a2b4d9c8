import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { getCustomerImport } from "@/lib/customers/import/get-customer-import.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** One import's progress: done / total, rate, time left. */
export const GET = withApi<Params>(async ({ actor, params }) => json({ import: await getCustomerImport(db(), { storeId: actor.storeId, importId: params.id }) }), { roles: ["ADMIN"] });

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
