import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { listCustomers } from "@/lib/customers/list-customers.ts";
import { db } from "@/lib/db/client.ts";
import { listCustomersQuerySchema } from "@/lib/validations/customers.ts";

export const runtime = "nodejs";

export const GET = withApi(async ({ request, actor }) => {
  const query = listCustomersQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listCustomers(db(), { storeId: actor.storeId, ...query }));
});

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
