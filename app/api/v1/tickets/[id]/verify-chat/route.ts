import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { verifyChatByAgent } from "@/lib/telegram/verification/verify-chat-by-agent.ts";
import { verifyChatBodySchema } from "@/lib/validations/ticket-actions.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** "Verify and link": the agent vouches that the ticket's unverified Telegram chat is the buyer of an order (audited). */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { bigcommerceOrderId } = verifyChatBodySchema.parse(await readJson(request));
  const ticket = await verifyChatByAgent(db(), { storeId: actor.storeId, actorId: actor.userId, actorName: actor.name, ticketId: params.id, bigcommerceOrderId });
  return json({ ticket });
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
