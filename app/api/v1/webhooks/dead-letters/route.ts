import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { listDeadLetters } from "@/lib/inbound/list-dead-letters.ts";
import { listDeadLettersQuerySchema } from "@/lib/validations/webhooks.ts";

export const runtime = "nodejs";

/** Events Tern could not process (BigCommerce and Telegram), newest first. */
export const GET = withApi(
  async ({ request, actor }) => {
    const query = listDeadLettersQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return json(await listDeadLetters(db(), { storeId: actor.storeId, ...query }));
  },
  { roles: ["ADMIN", "SUPERVISOR"] },
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
