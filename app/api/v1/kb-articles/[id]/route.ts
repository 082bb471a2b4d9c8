import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { deleteKbArticle } from "@/lib/kb/delete-kb-article.ts";
import { getKbArticle } from "@/lib/kb/get-kb-article.ts";
import { updateKbArticle } from "@/lib/kb/update-kb-article.ts";
import { updateKbArticleBodySchema } from "@/lib/validations/kb-articles.ts";

export const runtime = "nodejs";

type Params = { id: string };

export const GET = withApi<Params>(async ({ actor, params }) => json({ article: await getKbArticle(db(), { storeId: actor.storeId, articleId: params.id }) }));

export const PATCH = withApi<Params>(
  async ({ request, actor, params }) => {
    const patch = updateKbArticleBodySchema.parse(await readJson(request));
    return json({ article: await updateKbArticle(db(), { storeId: actor.storeId, articleId: params.id, patch }) });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

export const DELETE = withApi<Params>(
  async ({ actor, params }) => {
    await deleteKbArticle(db(), { storeId: actor.storeId, articleId: params.id });
    return new Response(null, { status: 204 });
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
