import { json } from "@/lib/api/json.ts";
import { methodNotAllowed } from "@/lib/api/method-not-allowed.ts";
import { readJson } from "@/lib/api/read-json.ts";
import { withApi } from "@/lib/api/with-api.ts";
import { db } from "@/lib/db/client.ts";
import { createKbArticle } from "@/lib/kb/create-kb-article.ts";
import { listKbArticles } from "@/lib/kb/list-kb-articles.ts";
import { createKbArticleBodySchema, listKbArticlesQuerySchema } from "@/lib/validations/kb-articles.ts";

export const runtime = "nodejs";

export const GET = withApi(async ({ request, actor }) => {
  const query = listKbArticlesQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ items: await listKbArticles(db(), { storeId: actor.storeId, q: query.q, tag: query.tag, publishedOnly: query.published }) });
});

export const POST = withApi(
  async ({ request, actor }) => {
    const fields = createKbArticleBodySchema.parse(await readJson(request));
    return json({ article: await createKbArticle(db(), { storeId: actor.storeId, fields }) }, 201);
  },
  { roles: ["SUPERVISOR", "ADMIN"] },
);

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
