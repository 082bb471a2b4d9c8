"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { inboxKeys } from "@/components/inbox/query-keys.ts";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { AlertIcon, PlusIcon } from "@/components/ui/icons.tsx";
import { RelativeTime } from "@/components/ui/relative-time.tsx";
import { fieldClass, focusRing, labelClass, selectClass } from "@/components/ui/styles.ts";
import { useToast } from "@/components/ui/toast.tsx";
import { TEMPLATE_VARIABLES, renderTemplate, templatePlaceholders, unknownPlaceholders } from "@/lib/templates/render-template.ts";
import type { TemplateDto } from "@/lib/templates/template-dto.ts";
import { EditorFooter } from "./editor-footer.tsx";
import { ListDetail } from "./list-detail.tsx";
import { SAMPLE_VALUES } from "./sample-values.ts";

type Draft = { name: string; body: string; purpose: "" | "shipment" };

const EMPTY: Draft = { name: "", body: "", purpose: "" };

function Editor({ template, canEdit, onSaved, onDeleted }: { template: TemplateDto | null; canEdit: boolean; onSaved: (template: TemplateDto) => void; onDeleted: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(template ? { name: template.name, body: template.body, purpose: template.purpose === "shipment" ? "shipment" : "" } : EMPTY);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const ids = { name: useId(), purpose: useId(), body: useId(), help: useId() };
  const unknown = unknownPlaceholders(draft.body);
  const used = templatePlaceholders(draft.body).filter((name) => !unknown.includes(name));
  const preview = renderTemplate(draft.body, SAMPLE_VALUES);

  const save = useMutation({
    mutationFn: () => {
      const body = { name: draft.name, body: draft.body, purpose: draft.purpose || null };
      return template
        ? apiFetch<{ template: TemplateDto }>(`/api/v1/templates/${template.id}`, { method: "PATCH", body })
        : apiFetch<{ template: TemplateDto }>("/api/v1/templates", { body });
    },
    onSuccess: ({ template: saved }) => {
      queryClient.setQueryData<TemplateDto[]>(inboxKeys.templates, (list = []) =>
        [...list.filter((item) => item.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name)),
      );
      toast.info(`Saved “${saved.name}”`);
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<void>(`/api/v1/templates/${template!.id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.setQueryData<TemplateDto[]>(inboxKeys.templates, (list = []) => list.filter((item) => item.id !== template?.id));
      toast.info("Template deleted");
      onDeleted();
    },
  });

  function insertVariable(name: string) {
    const element = bodyRef.current;
    const token = `[${name}]`;
    const start = element?.selectionStart ?? draft.body.length;
    const end = element?.selectionEnd ?? draft.body.length;
    setDraft({ ...draft, body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  return (
    <form
      className="mx-auto max-w-3xl space-y-5 p-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold text-slate-900">{template ? "Edit template" : "New template"}</h2>
        {template && (
          <p className="text-xs text-slate-500">
            Updated <RelativeTime iso={template.updatedAt} />
          </p>
        )}
      </div>
      {!canEdit && <p className="rounded-md bg-slate-100 px-3 py-2 text-[13px] text-slate-700">Only supervisors and admins can change templates.</p>}
      <div className="grid grid-cols-[1fr_16rem] gap-4">
        <div>
          <label htmlFor={ids.name} className={labelClass}>
            Name
          </label>
          <input id={ids.name} required maxLength={100} disabled={!canEdit} value={draft.name} onChange={(event) => setDraft({ ...draft, name: event.target.value })} className={fieldClass} />
        </div>
        <div>
          <label htmlFor={ids.purpose} className={labelClass}>
            Sent automatically
          </label>
          <select id={ids.purpose} disabled={!canEdit} value={draft.purpose} onChange={(event) => setDraft({ ...draft, purpose: event.target.value as Draft["purpose"] })} className={cx(selectClass, "w-full py-1.5")}>
            <option value="">Never (agents insert it)</option>
            <option value="shipment">When a shipment gets tracking</option>
          </select>
        </div>
      </div>
      <div>
        <label htmlFor={ids.body} className={labelClass}>
          Message
        </label>
        <textarea
          id={ids.body}
          ref={bodyRef}
          required
          rows={7}
          maxLength={4000}
          disabled={!canEdit}
          aria-describedby={ids.help}
          aria-invalid={unknown.length > 0}
          value={draft.body}
          onChange={(event) => setDraft({ ...draft, body: event.target.value })}
          className={cx(fieldClass, "font-mono leading-relaxed", unknown.length > 0 && "border-red-400 focus:border-red-500 focus:ring-red-100")}
        />
        <div id={ids.help} className="mt-2 space-y-2">
          {canEdit && (
            <div className="flex flex-wrap items-center gap-1">
              <span className="mr-1 text-xs text-slate-600">Insert a variable:</span>
              {TEMPLATE_VARIABLES.map((name) => (
                <button
                  key={name}
                  type="button"
                  onClick={() => insertVariable(name)}
                  className={cx(
                    "rounded border px-1.5 py-0.5 font-mono text-[11px]",
                    focusRing,
                    used.includes(name) ? "border-tern-100 bg-tern-50 text-tern-700" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  [{name}]
                </button>
              ))}
            </div>
          )}
          {unknown.length > 0 && (
            <p role="alert" className="flex items-center gap-1.5 text-[13px] text-red-700">
              <AlertIcon size={14} /> {unknown.map((name) => `[${name}]`).join(", ")} {unknown.length === 1 ? "is not a variable Tern knows" : "are not variables Tern knows"}: it could never be filled, so
              saving is refused.
            </p>
          )}
          <p className="text-xs text-slate-600">
            On a ticket, each variable is filled from its order and customer. If one has no value there (say, no tracking link yet), the template is refused for that ticket instead of
            being sent with a gap.
          </p>
        </div>
      </div>
      <section aria-label="Preview">
        <h3 className={labelClass}>Preview with a sample order</h3>
        <p data-testid="settings-template-preview" className="min-h-16 whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 text-[13px] leading-relaxed text-slate-800">
          {preview.ok ? preview.text : draft.body ? <span className="text-slate-500">{preview.message}</span> : <span className="text-slate-500">Write the message to see it filled in.</span>}
        </p>
      </section>
      <EditorFooter canEdit={canEdit} noun="template" existingName={template?.name} deleteConsequence="Agents will no longer find it in the composer." save={save} remove={remove} />
    </form>
  );
}

/** Settings → Templates: the canned replies agents insert, with variables checked as they are typed and again on save. */
export function TemplatesManager({ canEdit }: { canEdit: boolean }) {
  const templates = useQuery({
    queryKey: inboxKeys.templates,
    queryFn: ({ signal }) => apiFetch<{ items: TemplateDto[] }>("/api/v1/templates", { signal }).then((body) => body.items),
  });
  const [selected, setSelected] = useState<string | "new" | null>(null);
  const current = selected === "new" ? null : (templates.data?.find((template) => template.id === selected) ?? (selected === null ? templates.data?.[0] : undefined) ?? null);
  const editing = selected === "new" ? "new" : current?.id;

  return (
    <ListDetail
      list={
        <>
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h1 className="text-[15px] font-semibold text-slate-900">Templates</h1>
            {canEdit && (
              <Button size="sm" variant="primary" onClick={() => setSelected("new")}>
                <PlusIcon size={14} /> New
              </Button>
            )}
          </div>
          <ul aria-label="Templates" className="min-h-0 flex-1 overflow-y-auto p-2">
            {templates.isPending && <li className="p-2 text-[13px] text-slate-600">Loading…</li>}
            {templates.data?.length === 0 && <li className="p-2 text-[13px] text-slate-600">No templates yet.</li>}
            {templates.data?.map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  aria-current={template.id === editing ? "true" : undefined}
                  onClick={() => setSelected(template.id)}
                  className={cx("w-full rounded-md px-2.5 py-2 text-left", focusRing, template.id === editing ? "bg-tern-50" : "hover:bg-slate-50")}
                >
                  <span className="flex items-center gap-2 text-[13px] font-medium text-slate-900">
                    {template.name}
                    {template.purpose === "shipment" && <span className="rounded bg-teal-50 px-1.5 py-0.5 text-[10px] font-medium text-teal-800">auto · shipment</span>}
                  </span>
                  <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">{template.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      }
      detail={
        editing || selected === "new" ? (
          <Editor key={editing ?? "new"} template={current} canEdit={canEdit} onSaved={(saved) => setSelected(saved.id)} onDeleted={() => setSelected(null)} />
        ) : (
          <p className="p-6 text-[13px] text-slate-600">{templates.isPending ? "" : "Create a template to get started."}</p>
        )
      }
    />
  );
}
