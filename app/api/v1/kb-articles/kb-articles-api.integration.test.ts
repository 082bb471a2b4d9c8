import { beforeAll, describe, expect, it } from "vitest";
import type { KbArticleDto } from "@/lib/kb/kb-article-dto.ts";
import { apiCallerFor } from "@/lib/testing/api-caller.ts";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import * as articleRoute from "./[id]/route.ts";
import * as articlesRoute from "./route.ts";

let supervisor: Awaited<ReturnType<typeof apiCallerFor>>;
let agent: Awaited<ReturnType<typeof apiCallerFor>>;

beforeAll(async () => {
  const store = await createStore();
  supervisor = await apiCallerFor(await createUser(store.id, { role: "SUPERVISOR" }));
  agent = await apiCallerFor(await createUser(store.id));
});

describe("/api/v1/kb-articles", () => {
  it("creates an article with tags, SKUs and categories, finds it by search, edits and deletes it", async () => {
    const created = await supervisor<{ article: KbArticleDto }>(articlesRoute.POST, "/kb-articles", {
      body: { title: "Descaling the kettle", body: "Use vinegar monthly.", tags: ["care", "care"], skus: ["KT-1"], categories: ["Kitchen"] },
    });
    expect(created.status).toBe(201);
    expect(created.body.article).toMatchObject({ tags: ["care"], skus: ["KT-1"], categories: ["Kitchen"], published: true });
    const id = created.body.article.id;

    const found = await agent<{ items: KbArticleDto[] }>(articlesRoute.GET, "/kb-articles?q=vinegar");
    expect(found.body.items.map((article) => article.id)).toEqual([id]);

    const edited = await supervisor<{ article: KbArticleDto }>(articleRoute.PATCH, `/kb-articles/${id}`, { method: "PATCH", body: { published: false }, params: { id } });
    expect(edited.body.article.published).toBe(false);
    const published = await agent<{ items: KbArticleDto[] }>(articlesRoute.GET, "/kb-articles?published=true");
    expect(published.body.items.map((article) => article.id)).not.toContain(id);

    expect((await supervisor(articleRoute.DELETE, `/kb-articles/${id}`, { method: "DELETE", params: { id } })).status).toBe(204);
    expect((await agent(articleRoute.GET, `/kb-articles/${id}`, { params: { id } })).status).toBe(404);
  });

  it("answers 422 for bad input, 403 for agents writing, 404 across stores", async () => {
    expect((await supervisor(articlesRoute.POST, "/kb-articles", { body: { title: "x" } })).status).toBe(422);
    expect((await supervisor(articlesRoute.POST, "/kb-articles", { body: { title: "x", body: "y", color: "red" } })).status).toBe(422);
    expect((await supervisor(articlesRoute.GET, "/kb-articles?sort=title")).status).toBe(422);
    expect((await agent(articlesRoute.POST, "/kb-articles", { body: { title: "x", body: "y" } })).status).toBe(403);
    const created = await supervisor<{ article: KbArticleDto }>(articlesRoute.POST, "/kb-articles", { body: { title: "Ours", body: "y" } });
    const outsider = await apiCallerFor(await createUser((await createStore()).id, { role: "SUPERVISOR" }));
    const id = created.body.article.id;
    expect((await outsider(articleRoute.PATCH, `/kb-articles/${id}`, { method: "PATCH", body: { title: "Theirs" }, params: { id } })).status).toBe(404);
    expect((await outsider(articleRoute.GET, "/kb-articles/not-a-uuid", { params: { id: "not-a-uuid" } })).status).toBe(404);
  });
});
