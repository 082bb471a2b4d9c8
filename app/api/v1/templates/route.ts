import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createTemplate } from "@/lib/templates/create-template.ts";
import { listTemplates } from "@/lib/templates/list-templates.ts";
import { createTemplateBodySchema } from "@/lib/validations/templates.ts";

export const runtime = "nodejs";

export const GET = withApi(async ({ actor }) => json({ items: await listTemplates(db(), actor.storeId) }));

/** Saving validates the variables: a template Tern could never fill is refused here, not at send time. */
export const POST = withApi(
  async ({ request, actor }) => {
    const fields = createTemplateBodySchema.parse(await readJson(request));
    return json({ template: await createTemplate(db(), { storeId: actor.storeId, fields }) }, 201);
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
