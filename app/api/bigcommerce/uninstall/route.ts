import { appConfig } from "@/lib/bigcommerce-app/app-credentials.ts";
import { callbackDone, callbackError } from "@/lib/bigcommerce-app/callback-response.ts";
import { uninstallStore } from "@/lib/bigcommerce-app/uninstall-store.ts";
import { verifySignedPayload } from "@/lib/bigcommerce-app/verify-signed-payload.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const payload = await verifySignedPayload(new URL(request.url).searchParams.get("signed_payload_jwt"), appConfig());
    const result = await uninstallStore(db(), payload.storeHash);
    return callbackDone({ uninstalled: result !== null, purged: result?.purged ?? false });
  } catch (error) {
    return callbackError(request, error);
  }
}
