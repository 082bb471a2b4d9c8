import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { db } from "@/lib/db/client.ts";
import { installStorefrontScript } from "@/lib/telegram/verification/install-storefront-script.ts";

export const runtime = "nodejs";

/** Installs (or replaces) the "Chat with us on Telegram" link on the order-confirmation page via the Scripts API. */
export const PUT = withApi(
  async ({ actor }) => {
    const script = await installStorefrontScript(db(), { storeId: actor.storeId, actorId: actor.userId, publicUrl: publicUrl() });
    return json({ script: { uuid: script.uuid, name: script.name, visibility: script.visibility } });
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["PUT"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
