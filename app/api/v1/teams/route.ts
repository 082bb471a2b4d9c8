import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { listTeams } from "@/lib/teams/list-teams.ts";

export const runtime = "nodejs";

export const GET = withApi(async ({ actor }) => json({ items: await listTeams(db(), actor.storeId) }));

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
