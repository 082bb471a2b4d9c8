"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import { cx } from "@/components/ui/cx.ts";
import { Dialog } from "@/components/ui/dialog.tsx";
import { AlertIcon } from "@/components/ui/icons.tsx";
import { fieldClass, focusRing } from "@/components/ui/styles.ts";
import type { RenderedTemplate } from "@/lib/templates/render-ticket-template.ts";
import type { TemplateDto } from "@/lib/templates/template-dto.ts";
import { useTemplates } from "./use-directory.ts";

type Props = { ticketId: string; open: boolean; onClose: () => void; onInsert: (text: string) => void };

/** The template with each filled variable highlighted, so the agent sees exactly what the order put in. */
function FilledPreview({ template, rendered }: { template: TemplateDto; rendered: RenderedTemplate }) {
  const parts = template.body.split(/(\[[a-z][a-z0-9_]*\])/g);
  return (
    <p data-testid="template-preview" className="whitespace-pre-wrap rounded-md border border-slate-200 bg-white p-3 text-[13px] leading-relaxed text-slate-900">
      {parts.map((part, index) => {
        const name = /^\[([a-z][a-z0-9_]*)\]$/.exec(part)?.[1] as keyof RenderedTemplate["values"] | undefined;
        const value = name ? rendered.values[name] : undefined;
        return value ? (
          <mark key={index} title={`[${name}]`} className="rounded bg-tern-100 px-0.5 text-tern-900">
            {value}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        );
      })}
    </p>
  );
}

/** The template as written, its unfillable variables marked, so the agent sees what the order lacks. */
function RefusedBody({ body, error }: { body: string; error: Error }) {
  const details = error instanceof ApiError ? (error.details as { missing?: string[]; unknown?: string[] } | undefined) : undefined;
  const bad = new Set([...(details?.missing ?? []), ...(details?.unknown ?? [])]);
  return (
    <p className="mt-2 whitespace-pre-wrap rounded border border-red-100 bg-white p-2 text-xs leading-relaxed text-slate-700">
      {body.split(/(\[[a-z][a-z0-9_]*\])/g).map((part, index) =>
        bad.has(part.slice(1, -1)) ? (
          <mark key={index} className="rounded bg-red-100 px-0.5 font-mono text-red-900">
            {part}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </p>
  );
}

/**
 * Choosing a template fills it from this ticket's order on the server; a template that cannot be
 * filled here is refused with the reason, and cannot be inserted.
 */
export function TemplatePicker({ ticketId, open, onClose, onInsert }: Props) {
  const templates = useTemplates();
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<TemplateDto | null>(null);
  const searchId = useId();
  const render = useMutation({
    mutationFn: (template: TemplateDto) => apiFetch<RenderedTemplate>(`/api/v1/tickets/${ticketId}/render-template`, { body: { templateId: template.id } }),
  });
  const visible = (templates.data ?? []).filter((template) => `${template.name} ${template.body}`.toLowerCase().includes(filter.trim().toLowerCase()));

  function choose(template: TemplateDto) {
    setSelected(template);
    render.mutate(template);
  }

  function close() {
    setSelected(null);
    setFilter("");
    render.reset();
    onClose();
  }

  const rendered = selected && render.data?.templateId === selected.id ? render.data : null;
  return (
    <Dialog open={open} onClose={close} title="Insert a template" description="Variables are filled from this ticket's order and customer." size="lg">
      {/* Stacked on a phone: the list, then the preview under it. */}
      <div className="grid gap-4 md:grid-cols-[15rem_1fr]">
        <div className="flex min-h-0 flex-col gap-2">
          <label htmlFor={searchId} className="sr-only">
            Find a template
          </label>
          <input id={searchId} value={filter} onChange={(event) => setFilter(event.target.value)} placeholder="Find a template" className={fieldClass} />
          <ul aria-label="Templates" className="max-h-80 space-y-0.5 overflow-y-auto max-md:max-h-[30dvh]">
            {templates.isPending && <li className="px-2 py-1 text-[13px] text-slate-500">Loading…</li>}
            {visible.map((template) => (
              <li key={template.id}>
                <button
                  type="button"
                  onClick={() => choose(template)}
                  aria-pressed={selected?.id === template.id}
                  className={cx(
                    "w-full rounded px-2 py-1.5 text-left text-[13px] max-lg:min-h-11",
                    focusRing,
                    selected?.id === template.id ? "bg-tern-50 font-medium text-tern-900" : "text-slate-800 hover:bg-slate-50",
                  )}
                >
                  {template.name}
                  {template.purpose === "shipment" && <span className="ml-1 text-[11px] text-slate-500">· sent on shipment</span>}
                </button>
              </li>
            ))}
            {templates.data && visible.length === 0 && <li className="px-2 py-1 text-[13px] text-slate-500">No templates match.</li>}
          </ul>
        </div>
        <div className="min-h-48 space-y-3 rounded-md bg-slate-50 p-3 max-md:min-h-24">
          {!selected ? (
            <p className="text-[13px] text-slate-600">Pick a template to preview it filled in for this ticket.</p>
          ) : render.isPending ? (
            <p className="text-[13px] text-slate-600">Filling in {selected.name}…</p>
          ) : render.error ? (
            <div role="alert" data-testid="template-refusal" className="flex gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-[13px] text-red-900">
              <AlertIcon size={16} className="mt-0.5 shrink-0" />
              <div>
                <p className="font-semibold">“{selected.name}” cannot be used on this ticket</p>
                <p className="mt-0.5">{render.error.message}</p>
                <RefusedBody body={selected.body} error={render.error} />
              </div>
            </div>
          ) : rendered ? (
            <>
              <FilledPreview template={selected} rendered={rendered} />
              <div className="flex justify-end gap-2">
                <Button onClick={close} className="max-lg:h-11">
                  Cancel
                </Button>
                <Button
                  variant="primary"
                  className="max-lg:h-11"
                  onClick={() => {
                    onInsert(rendered.text);
                    close();
                  }}
                >
                  Insert into reply
                </Button>
              </div>
            </>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
