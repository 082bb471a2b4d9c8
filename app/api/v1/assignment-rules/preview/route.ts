import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { previewAssignment } from "@/lib/routing/preview-assignment.ts";
import { previewAssignmentBodySchema } from "@/lib/validations/routing.ts";

export const runtime = "nodejs";

/** "Which rule would match": { ticketId } or { facts }; reads only, assigns nothing. */
export const POST = withApi(
  async ({ request, actor }) => {
    const body = previewAssignmentBodySchema.parse(await readJson(request));
    return json({ preview: await previewAssignment(db(), { storeId: actor.storeId, body }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["POST"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
