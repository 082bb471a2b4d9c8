import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { loadRoutingSettings } from "@/lib/routing/load-routing-settings.ts";
import { updateRoutingSettings } from "@/lib/routing/update-routing-settings.ts";
import { routingSettingsBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

const supervisors = { roles: ["SUPERVISOR", "ADMIN"] } as const;

export const GET = withApi(async ({ actor }) => json({ settings: await loadRoutingSettings(db(), actor.storeId) }), supervisors);

export const PATCH = withApi(async ({ request, actor }) => {
  const patch = routingSettingsBodySchema.parse(await readJson(request));
  return json({ settings: await updateRoutingSettings(db(), { storeId: actor.storeId, patch }) });
}, supervisors);

const notAllowed = methodNotAllowed(["GET", "PATCH"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
