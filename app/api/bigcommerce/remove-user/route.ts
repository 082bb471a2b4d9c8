import { appConfig } from "@/lib/bigcommerce-app/app-credentials.ts";
import { callbackDone, callbackError } from "@/lib/bigcommerce-app/callback-response.ts";
import { removeStoreUser } from "@/lib/bigcommerce-app/remove-store-user.ts";
import { verifySignedPayload } from "@/lib/bigcommerce-app/verify-signed-payload.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    const payload = await verifySignedPayload(new URL(request.url).searchParams.get("signed_payload_jwt"), appConfig());
    const result = await removeStoreUser(db(), { storeHash: payload.storeHash, bigcommerceUserId: payload.user.id });
    return callbackDone({ removed: result !== null, unassignedTickets: result?.unassignedTickets ?? 0 });
  } catch (error) {
    return callbackError(request, error);
  }
}
