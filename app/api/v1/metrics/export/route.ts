import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { exportMetricsCsv } from "@/lib/metrics/export-metrics-csv.ts";
import { exportQuerySchema, queryObject } from "@/lib/validations/metrics.ts";

export const runtime = "nodejs";

/** CSV download: ?report=tickets|daily|agents plus the dashboard's from, to and teamId. */
export const GET = withApi(
  async ({ request, actor }) => {
    const { report, ...filters } = exportQuerySchema.parse(queryObject(new URL(request.url).searchParams));
    const { filename, csv } = await exportMetricsCsv(db(), { storeId: actor.storeId, report, filters });
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
