"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { SearchIcon } from "@/components/ui/icons.tsx";
import { cx } from "@/components/ui/cx.ts";
import { fieldClass } from "@/components/ui/styles.ts";
import type { KbArticleDto } from "@/lib/kb/kb-article-dto.ts";
import type { KbSuggestion } from "@/lib/kb/suggest-kb-articles.ts";
import { inboxKeys } from "./query-keys.ts";
import { useKbSuggestions } from "./use-ticket-detail.ts";

function reasons(suggestion: KbSuggestion): string[] {
  return [
    ...suggestion.matchedSkus.map((sku) => `SKU ${sku}`),
    ...suggestion.matchedCategories.map((category) => category),
    ...suggestion.matchedTags.map((tag) => `#${tag}`),
    ...(suggestion.textRank > 0 ? ["words"] : []),
  ];
}

function Article({ title, body, why, onInsert }: { title: string; body: string; why: string[]; onInsert: () => void }) {
  return (
    <li data-testid="kb-article" className="rounded-md border border-slate-200 p-2.5">
      <div className="flex items-start gap-2">
        <p className="min-w-0 flex-1 text-[13px] font-medium text-slate-900">{title}</p>
        <Button size="xs" variant="secondary" onClick={onInsert} aria-label={`Insert “${title}” into the reply`}>
          Insert
        </Button>
      </div>
      <p className="mt-1 line-clamp-3 text-xs leading-relaxed text-slate-600">{body}</p>
      {why.length > 0 && (
        <p className="mt-1.5 flex flex-wrap gap-1">
          <span className="sr-only">Matches:</span>
          {why.map((reason) => (
            <span key={reason} className="rounded bg-tern-50 px-1.5 py-0.5 text-[10px] font-medium text-tern-700">
              {reason}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

/** Suggested articles for the ticket (by its order's SKUs, category, tags and words), and a search over all of them. */
export function KbPanel({ ticketId, onInsert }: { ticketId: string; onInsert: (text: string) => void }) {
  const suggestions = useKbSuggestions(ticketId);
  const [q, setQ] = useState("");
  const [submitted, setSubmitted] = useState("");
  const searchId = useId();
  const search = useQuery({
    queryKey: inboxKeys.kbArticles(submitted),
    queryFn: ({ signal }) => apiFetch<{ items: KbArticleDto[] }>(`/api/v1/kb-articles?published=true&q=${encodeURIComponent(submitted)}`, { signal }),
    enabled: submitted !== "",
  });

  return (
    <div className="space-y-3 p-4">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(q.trim());
        }}
        className="relative"
      >
        <label htmlFor={searchId} className="sr-only">
          Search the knowledge base
        </label>
        <SearchIcon size={14} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-slate-500" />
        <input id={searchId} type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Search articles" className={cx(fieldClass, "pl-8")} />
      </form>
      {submitted ? (
        <section aria-label="Search results">
          <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Results for “{submitted}”</h3>
          {search.isPending ? (
            <p className="text-xs text-slate-600">Searching…</p>
          ) : search.data?.items.length ? (
            <ul className="space-y-2">
              {search.data.items.map((article) => (
                <Article key={article.id} title={article.title} body={article.body} why={[]} onInsert={() => onInsert(article.body)} />
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-600">No articles match.</p>
          )}
        </section>
      ) : (
        <section aria-label="Suggested articles">
          <h3 className="mb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-600">Suggested for this ticket</h3>
          {suggestions.isPending ? (
            <p className="text-xs text-slate-600">Finding articles…</p>
          ) : suggestions.error ? (
            <p role="alert" className="text-xs text-red-700">
              {suggestions.error.message}
            </p>
          ) : suggestions.data.items.length === 0 ? (
            <p className="text-xs text-slate-600">Nothing matches this ticket&apos;s products or words yet.</p>
          ) : (
            <ul className="space-y-2">
              {suggestions.data.items.map((suggestion) => (
                <Article key={suggestion.id} title={suggestion.title} body={suggestion.body} why={reasons(suggestion)} onInsert={() => onInsert(suggestion.body)} />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
