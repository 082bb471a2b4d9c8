import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { getStoreConnection } from "@/lib/bigcommerce-app/store-connection.ts";
import { updateStoreSettings } from "@/lib/bigcommerce-app/update-store-settings.ts";
import { db } from "@/lib/db/client.ts";
import { storeSettingsBodySchema } from "@/lib/validations/bigcommerce-app.ts";

export const runtime = "nodejs";

/** The caller's store: BigCommerce connection, hook registration and app settings. */
export const GET = withApi(async ({ actor }) => json({ store: await getStoreConnection(db(), actor.storeId) }), { roles: ["SUPERVISOR", "ADMIN"] });

export const PATCH = withApi(
  async ({ request, actor }) => {
    const patch = storeSettingsBodySchema.parse(await readJson(request));
    return json({ store: await updateStoreSettings(db(), { storeId: actor.storeId, actorId: actor.userId, patch }) });
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "PATCH"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const DELETE = notAllowed;
