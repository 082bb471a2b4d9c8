import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { customerMappingSchema } from "@/lib/customers/sync/customer-mapping.ts";
import { loadCustomerMapping, saveCustomerMapping } from "@/lib/customers/sync/customer-sync-settings.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

const admins = { roles: ["ADMIN"] } as const;

/** Which BigCommerce fields fill Tern's customers. */
export const GET = withApi(async ({ actor }) => json({ mapping: await loadCustomerMapping(db(), actor.storeId) }), admins);

export const PUT = withApi(async ({ request, actor }) => {
  const mapping = customerMappingSchema.parse(await readJson(request));
  return json({ mapping: await saveCustomerMapping(db(), actor.storeId, mapping) });
}, admins);

const notAllowed = methodNotAllowed(["GET", "PUT"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
