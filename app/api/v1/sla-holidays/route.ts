import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createSlaHoliday } from "@/lib/sla/create-sla-holiday.ts";
import { listSlaHolidays } from "@/lib/sla/list-sla-holidays.ts";
import { createSlaHolidayBodySchema } from "@/lib/validations/sla.ts";

export const runtime = "nodejs";

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ items: await listSlaHolidays(db(), actor.storeId) }), supervisors);

export const POST = withApi(async ({ request, actor }) => {
  const holiday = createSlaHolidayBodySchema.parse(await readJson(request));
  return json({ holiday: await createSlaHoliday(db(), { storeId: actor.storeId, holiday }) }, 201);
}, supervisors);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
