import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { getDashboardMetrics } from "@/lib/metrics/get-dashboard-metrics.ts";
import { dashboardQuerySchema, queryObject } from "@/lib/validations/metrics.ts";

export const runtime = "nodejs";

/** The supervisor dashboard's figures: ?from=YYYY-MM-DD&to=YYYY-MM-DD&teamId=… (store time zone). */
export const GET = withApi(
  async ({ request, actor }) => {
    const filters = dashboardQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    return json({ metrics: await getDashboardMetrics(db(), { storeId: actor.storeId, filters }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
