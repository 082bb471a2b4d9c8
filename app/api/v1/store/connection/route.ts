import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { connectApiAccount } from "@/lib/bigcommerce-app/connect-api-account.ts";
import { disconnectStore } from "@/lib/bigcommerce-app/disconnect-store.ts";
import { getStoreConnection } from "@/lib/bigcommerce-app/store-connection.ts";
import { bigcommerceApiUrl } from "@/lib/bigcommerce/bigcommerce-api-url.ts";
import { getWebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { db } from "@/lib/db/client.ts";
import { connectApiAccountBodySchema } from "@/lib/validations/store-connection.ts";

export const runtime = "nodejs";

/** The store's BigCommerce connection (either kind) and its webhook health. */
export const GET = withApi(
  async ({ actor }) => {
    const [store, health] = await Promise.all([getStoreConnection(db(), actor.storeId), getWebhookHealth(db(), actor.storeId)]);
    return json({ store, health });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

/** Connect (or reconnect, or switch from the app to) a store API account: `{ apiPath, accessToken }`. */
export const PUT = withApi(
  async ({ request, actor }) => {
    const body = connectApiAccountBodySchema.parse(await readJson(request));
    return json(await connectApiAccount(db(), actor, body, { apiUrl: bigcommerceApiUrl(), publicUrl: publicUrl() }));
  },
  { roles: ["ADMIN"] },
);

/** Disconnect: Tern's hooks deleted at BigCommerce, the token dropped, the store kept. */
export const DELETE = withApi(async ({ actor }) => json(await disconnectStore(db(), actor)), { roles: ["ADMIN"] });

const notAllowed = methodNotAllowed(["GET", "PUT", "DELETE"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
