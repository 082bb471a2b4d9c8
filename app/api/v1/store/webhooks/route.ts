import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { publicUrl } from "@/lib/bigcommerce-app/app-credentials.ts";
import { syncStoreWebhooks } from "@/lib/bigcommerce-app/sync-store-webhooks.ts";
import { db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

export const runtime = "nodejs";

/** Re-registers the store's BigCommerce hooks (after a lapse, a 90002, or a new Tern URL). */
export const POST = withApi(
  async ({ actor }) => {
    const result = await syncStoreWebhooks(db(), { storeId: actor.storeId, publicUrl: publicUrl() });
    if (!result.ok) throw new AppError("UNPROCESSABLE", `Webhooks could not be registered: ${result.error}`);
    return json({ result });
  },
  { roles: ["ADMIN"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
