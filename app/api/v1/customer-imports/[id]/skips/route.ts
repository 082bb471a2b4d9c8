import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { listCustomerImportSkips } from "@/lib/customers/import/list-customer-import-skips.ts";
import { db } from "@/lib/db/client.ts";
import { listCustomerImportSkipsQuerySchema } from "@/lib/validations/customers.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** The records an import skipped, with the reason. */
export const GET = withApi<Params>(
  async ({ request, actor, params }) => {
    const query = listCustomerImportSkipsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(await listCustomerImportSkips(db(), { storeId: actor.storeId, importId: params.id, ...query }));
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
