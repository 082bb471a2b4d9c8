import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { renderTicketTemplate } from "@/lib/templates/render-ticket-template.ts";
import { renderTemplateBodySchema } from "@/lib/validations/templates.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** `{ templateId }` → the filled text and each variable's value (200), or the refusal naming what is missing (422). Sends nothing. */
export const POST = withApi<Params>(async ({ request, actor, params }) => {
  const { templateId } = renderTemplateBodySchema.parse(await readJson(request));
  return json(await renderTicketTemplate(db(), { storeId: actor.storeId, ticketId: params.id, templateId, agentName: actor.name }));
});

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
