import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { getWebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

/** BigCommerce webhook health of the caller's store (admin pages). */
export const GET = withApi(async ({ actor }) => json({ health: await getWebhookHealth(db(), actor.storeId) }), { roles: ["ADMIN", "SUPERVISOR"] });

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
