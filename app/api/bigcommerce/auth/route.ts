import { appConfig } from "@/lib/bigcommerce-app/app-credentials.ts";
import { callbackError, redirectSignedIn } from "@/lib/bigcommerce-app/callback-response.ts";
import { exchangeAuthCode } from "@/lib/bigcommerce-app/exchange-auth-code.ts";
import { installStore } from "@/lib/bigcommerce-app/install-store.ts";
import { refreshStoreName } from "@/lib/bigcommerce-app/refresh-store-name.ts";
import { syncStoreWebhooks } from "@/lib/bigcommerce-app/sync-store-webhooks.ts";
import { db } from "@/lib/db/client.ts";
import { authCallbackQuerySchema } from "@/lib/validations/bigcommerce-app.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Install (and re-authorise after a scope change): code → token, store recorded, hooks registered, installer signed in. */
export async function GET(request: Request): Promise<Response> {
  try {
    const app = appConfig();
    const query = authCallbackQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const grant = await exchangeAuthCode(app, { code: query.code, scope: query.scope, context: query.context, accountUuid: query.account_uuid });
    const installed = await installStore(db(), grant);
    // A failed registration does not fail the install: the admin page shows it and can retry.
    const hooks = await syncStoreWebhooks(db(), { storeId: installed.store.id, publicUrl: app.publicUrl });
    if (!hooks.ok) console.warn(`[bigcommerce] webhook registration for store ${installed.store.bigcommerceHash} failed: ${hooks.error}`);
    await refreshStoreName(db(), installed.store.id);
    return await redirectSignedIn(installed.user, "/admin");
  } catch (error) {
    return callbackError(request, error);
  }
}
