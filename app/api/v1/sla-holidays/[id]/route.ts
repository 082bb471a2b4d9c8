import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteSlaHoliday } from "@/lib/sla/delete-sla-holiday.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const DELETE = withApi<Params>(
  async ({ actor, params }) => {
    await deleteSlaHoliday(db(), { storeId: actor.storeId, holidayId: params.id });
    return new Response(null, { status: 204 });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["DELETE"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
