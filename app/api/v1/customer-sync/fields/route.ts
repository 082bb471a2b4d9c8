import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { customerSyncFields } from "@/lib/customers/sync/customer-sync-fields.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

/** The fields, customer groups and attributes the mapping page offers. */
export const GET = withApi(async ({ actor }) => json(await customerSyncFields(db(), actor.storeId)), { roles: ["ADMIN"] });

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
