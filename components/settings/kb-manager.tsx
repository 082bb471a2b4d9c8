"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { PlusIcon, SearchIcon } from "@/components/ui/icons.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { fieldClass, focusRing, labelClass } from "@/components/ui/styles.ts";
import { useToast } from "@/components/ui/toast.tsx";
import { TokenInput } from "@/components/ui/token-input.tsx";
import type { KbArticleDto } from "@/lib/kb/kb-article-dto.ts";
import { EditorFooter } from "./editor-footer.tsx";
import { ListDetail } from "./list-detail.tsx";

type Draft = { title: string; body: string; tags: string[]; skus: string[]; categories: string[]; published: boolean };

const EMPTY: Draft = { title: "", body: "", tags: [], skus: [], categories: [], published: true };
const listKey = (q: string) => ["kb-articles", "settings", q] as const;

function Editor({ article, canEdit, onSaved, onDeleted }: { article: KbArticleDto | null; canEdit: boolean; onSaved: (article: KbArticleDto) => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(article ? { title: article.title, body: article.body, tags: article.tags, skus: article.skus, categories: article.categories, published: article.published } : EMPTY);
  const ids = { title: useId(), body: useId(), published: useId() };
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["kb-articles"] });

  const save = useMutation({
    mutationFn: () =>
      article
        ? apiFetch<{ article: KbArticleDto }>(`/api/v1/kb-articles/${article.id}`, { method: "PATCH", body: draft })
        : apiFetch<{ article: KbArticleDto }>("/api/v1/kb-articles", { body: draft }),
    onSuccess: ({ article: saved }) => {
      queryClient.setQueryData<KbArticleDto[]>(listKey(""), (list = []) => [...list.filter((item) => item.id !== saved.id), saved].sort((a, b) => a.title.localeCompare(b.title)));
      refresh();
      toast.info(`Saved “${saved.title}”`);
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/kb-articles/${article!.id}`, { method: "DELETE" }),
    onSuccess: () => {
      refresh();
      toast.info("Article deleted");
      onDeleted();
    },
  });

  return (
    <form
      className="mx-auto max-w-3xl space-y-5 p-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-900">{article ? "Edit article" : "New article"}</h2>
        {article && (
          <p className="text-xs text-slate-500">
            Updated <RelativeTime iso={article.updatedAt} />
          </p>
        )}
      </div>
      {!canEdit && <p className="rounded-md bg-slate-100 px-3 py-2 text-[13px] text-slate-700">Only supervisors and admins can change articles.</p>}
      <div>
        <label htmlFor={ids.title} className={labelClass}>
          Title
        </label>
        <input id={ids.title} required maxLength={200} disabled={!canEdit} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} className={fieldClass} />
      </div>
      <div>
        <label htmlFor={ids.body} className={labelClass}>
          Article (inserted into replies as written)
        </label>
        <textarea id={ids.body} required rows={9} maxLength={20_000} disabled={!canEdit} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} className={cx(fieldClass, "leading-relaxed")} />
      </div>
      <div className="grid grid-cols-3 gap-4">
        <TokenInput label="SKUs" values={draft.skus} disabled={!canEdit} onChange={(skus) => setDraft({ ...draft, skus })} placeholder="e.g. BL-200" hint="Suggested first on orders with these products." />
        <TokenInput label="Categories" values={draft.categories} disabled={!canEdit} onChange={(categories) => setDraft({ ...draft, categories })} placeholder="e.g. Kitchen" hint="Matched to the ticket's category." />
        <TokenInput label="Tags" values={draft.tags} disabled={!canEdit} onChange={(tags) => setDraft({ ...draft, tags })} placeholder="e.g. returns" hint="Matched to the ticket's tags." />
      </div>
      <label htmlFor={ids.published} className="flex items-center gap-2 text-[13px] text-slate-800">
        <input id={ids.published} type="checkbox" disabled={!canEdit} checked={draft.published} onChange={(event) => setDraft({ ...draft, published: event.target.checked })} className="size-4 rounded border-slate-300" />
        Published (suggested to agents)
      </label>
      <EditorFooter canEdit={canEdit} noun="article" existingName={article?.title} deleteConsequence="It will no longer be suggested on tickets." save={save} remove={remove} />
    </form>
  );
}

/** Settings → Knowledge base: articles with the SKUs, categories and tags that decide where they are suggested. */
export function KbManager({ canEdit }: { canEdit: boolean }) {
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState("");
  const searchId = useId();
  const articles = useQuery({
    queryKey: listKey(submitted),
    queryFn: ({ signal }) => apiFetch<{ items: KbArticleDto[] }>(`/api/v1/kb-articles?q=${encodeURIComponent(submitted)}`, { signal }).then((body) => body.items),
  });
  const [selected, setSelected] = useState<string | "new" | null>(null);
  const current = selected === "new" ? null : (articles.data?.find((article) => article.id === selected) ?? (selected === null ? articles.data?.[0] : undefined) ?? null);
  const editing = selected === "new" ? "new" : current?.id;

  return (
    <ListDetail
      list={
        <>
          <div className="space-y-2 border-b border-slate-200 px-4 py-3">
            <div className="flex items-center justify-between">
              <h1 className="text-[15px] font-semibold text-slate-900">Knowledge base</h1>
              {canEdit && (
                <Button size="sm" variant="primary" onClick={() => setSelected("new")}>
                  <PlusIcon size={14} /> New
                </Button>
              )}
            </div>
            <form
              role="search"
              className="relative"
              onSubmit={(event) => {
                event.preventDefault();
                setSubmitted(q.trim());
              }}
            >
              <label htmlFor={searchId} className="sr-only">
                Search articles
              </label>
              <SearchIcon size={14} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-500" />
              <input
                id={searchId}
                type="search"
                value={q}
                onChange={(event) => {
                  setQ(event.target.value);
                  if (!event.target.value) setSubmitted("");
                }}
                placeholder="Search articles"
                className={cx(fieldClass, "pl-8")}
              />
            </form>
          </div>
          <ul aria-label="Articles" className="min-h-0 flex-1 overflow-y-auto p-2">
            {articles.isPending && <li className="p-2 text-[13px] text-slate-600">Loading…</li>}
            {articles.data?.length === 0 && <li className="p-2 text-[13px] text-slate-600">{submitted ? "No articles match." : "No articles yet."}</li>}
            {articles.data?.map((article) => (
              <li key={article.id}>
                <button
                  type="button"
                  aria-current={article.id === editing ? "true" : undefined}
                  onClick={() => setSelected(article.id)}
                  className={cx("w-full rounded-md px-2.5 py-2 text-left", focusRing, article.id === editing ? "bg-tern-50" : "hover:bg-slate-50")}
                >
                  <span className="flex items-center gap-2 text-[13px] font-medium text-slate-900">
                    {article.title}
                    {!article.published && <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-medium text-slate-600">draft</span>}
                  </span>
                  <span className="mt-0.5 block truncate text-xs text-slate-600">
                    {[...article.skus.map((sku) => `SKU ${sku}`), ...article.categories, ...article.tags.map((tag) => `#${tag}`)].join(" · ") || "No SKUs, categories or tags"}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      }
      detail={
        editing || selected === "new" ? (
          <Editor key={editing ?? "new"} article={current} canEdit={canEdit} onSaved={(saved) => setSelected(saved.id)} onDeleted={() => setSelected(null)} />
        ) : (
          <p className="p-6 text-[13px] text-slate-600">{articles.isPending ? "" : "Create an article to get started."}</p>
        )
      }
    />
  );
}
