import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteTemplate } from "@/lib/templates/delete-template.ts";
import { getTemplate } from "@/lib/templates/get-template.ts";
import { updateTemplate } from "@/lib/templates/update-template.ts";
import { updateTemplateBodySchema } from "@/lib/validations/templates.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const GET = withApi<Params>(async ({ actor, params }) => json({ template: await getTemplate(db(), { storeId: actor.storeId, templateId: params.id }) }));

export const PATCH = withApi<Params>(
  async ({ request, actor, params }) => {
    const patch = updateTemplateBodySchema.parse(await readJson(request));
    return json({ template: await updateTemplate(db(), { storeId: actor.storeId, templateId: params.id, patch }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

export const DELETE = withApi<Params>(
  async ({ actor, params }) => {
    await deleteTemplate(db(), { storeId: actor.storeId, templateId: params.id });
    return new Response(null, { status: 204 });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
