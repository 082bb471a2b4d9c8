import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { issueStaffLinkCode } from "@/lib/telegram/staff-link-code.ts";

export const runtime = "nodejs";

/** A one-time code for the caller to send as "/iam <code>" in the store's Telegram staff group (10 minutes). */
export const POST = withApi(async ({ actor }) => {
  const issued = await issueStaffLinkCode(db(), { storeId: actor.storeId, userId: actor.userId });
  return json({ code: issued.code, expiresAt: issued.expiresAt.toISOString() }, 201);
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
