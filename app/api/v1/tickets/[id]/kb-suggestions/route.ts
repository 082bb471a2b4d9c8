import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { suggestKbArticles } from "@/lib/kb/suggest-kb-articles.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";

export const runtime = "nodejs";

type Params = { id: string };

/** Knowledge-base articles for this ticket, best first, each with what matched. */
export const GET = withApi<Params>(async ({ actor, params }) => json({ items: await suggestKbArticles(db(), { storeId: actor.storeId, ticketId: params.id }) }));

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
