import { appConfig } from "@/lib/bigcommerce-app/app-credentials.ts";
import { claimSignedPayload } from "@/lib/bigcommerce-app/claim-signed-payload.ts";
import { callbackError, landingPath, redirectSignedIn } from "@/lib/bigcommerce-app/callback-response.ts";
import { signInAppUser } from "@/lib/bigcommerce-app/sign-in-app-user.ts";
import { verifySignedPayload } from "@/lib/bigcommerce-app/verify-signed-payload.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The merchant opens the app in the control panel: verify the signed payload (once), sign the user in, show the app. */
export async function GET(request: Request): Promise<Response> {
  try {
    const payload = await verifySignedPayload(new URL(request.url).searchParams.get("signed_payload_jwt"), appConfig());
    await claimSignedPayload(db(), payload);
    const user = await signInAppUser(db(), payload);
    return await redirectSignedIn(user, landingPath(user.role));
  } catch (error) {
    return callbackError(request, error);
  }
}
