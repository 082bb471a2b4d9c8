"use client";

import { useState, type FormEvent } from "react";
import { supervisorApi } from "@/components/supervisor/supervisor-api.ts";
import { buttonClass, cardClass, cardTitleClass, cx, inputClass, labelClass } from "@/components/supervisor/ui-classes.ts";
import type { AssignmentPreview } from "@/lib/routing/preview-assignment.ts";

type Mode = "ticket" | "facts";

const CRITERION_LABEL = { category: "Product category", orderValue: "Order value", tier: "Tier", issueType: "Issue type", region: "Region" } as const;

const list = (text: string) =>
  text
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean);

/** "Which rule would match?": try an existing ticket or made-up facts against the rules, nothing is changed. */
export function RulePreview() {
  const [mode, setMode] = useState<Mode>("ticket");
  const [ticketNumber, setTicketNumber] = useState("");
  const [facts, setFacts] = useState({ tier: "STANDARD", issueTypes: "", productCategories: "", orderValue: "", region: "" });
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body =
      mode === "ticket"
        ? { ticketNumber: Number(ticketNumber.replace("#", "")) }
        : {
            facts: {
              tier: facts.tier,
              issueTypes: list(facts.issueTypes),
              productCategories: list(facts.productCategories),
              orderValue: facts.orderValue.trim() ? Number(facts.orderValue) : null,
              region: facts.region.trim() || null,
            },
          };
    try {
      setPreview((await supervisorApi<{ preview: AssignmentPreview }>("/api/v1/assignment-rules/preview", { body })).preview);
    } catch (caught) {
      setPreview(null);
      setError(caught instanceof Error ? caught.message : "The preview failed");
    }
  }

  const matched = preview?.rules.find((rule) => rule.id === preview.matchedRuleId) ?? null;
  return (
    <section className={cardClass} aria-labelledby="preview-title">
      <h2 id="preview-title" className={cardTitleClass}>
        Which rule would match?
      </h2>
      <form onSubmit={submit} className="mt-3 space-y-3" aria-label="Rule preview">
        <div className="flex gap-4 text-[13px] text-slate-700">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="preview-mode" checked={mode === "ticket"} onChange={() => setMode("ticket")} /> A ticket
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="preview-mode" checked={mode === "facts"} onChange={() => setMode("facts")} /> Made-up facts
          </label>
        </div>
        {mode === "ticket" ? (
          <label className="block">
            <span className={labelClass}>Ticket number</span>
            <input className={inputClass} value={ticketNumber} onChange={(event) => setTicketNumber(event.target.value)} placeholder="#42" required pattern="#?\d+" />
          </label>
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <label className="block">
              <span className={labelClass}>Tier</span>
              <select className={inputClass} value={facts.tier} onChange={(event) => setFacts({ ...facts, tier: event.target.value })}>
                <option value="STANDARD">Standard</option>
                <option value="VIP">VIP</option>
              </select>
            </label>
            <label className="block">
              <span className={labelClass}>Order value</span>
              <input className={inputClass} type="number" min={0} step="0.01" value={facts.orderValue} onChange={(event) => setFacts({ ...facts, orderValue: event.target.value })} />
            </label>
            <label className="block">
              <span className={labelClass}>Issue types</span>
              <input className={inputClass} value={facts.issueTypes} onChange={(event) => setFacts({ ...facts, issueTypes: event.target.value })} placeholder="refund" />
            </label>
            <label className="block">
              <span className={labelClass}>Product categories</span>
              <input className={inputClass} value={facts.productCategories} onChange={(event) => setFacts({ ...facts, productCategories: event.target.value })} />
            </label>
            <label className="block">
              <span className={labelClass}>Region</span>
              <input className={inputClass} value={facts.region} onChange={(event) => setFacts({ ...facts, region: event.target.value })} placeholder="DE" />
            </label>
          </div>
        )}
        <button type="submit" className={buttonClass.secondary}>
          Preview
        </button>
      </form>
      {error ? (
        <p role="alert" className="mt-3 text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      {preview ? (
        <div className="mt-4 space-y-3" data-testid="rule-preview-result">
          <p className="rounded-md bg-slate-50 px-3 py-2 text-[13px] text-slate-800">
            {matched ? (
              <>
                Rule <strong>{matched.name}</strong> matches
              </>
            ) : (
              "No rule matches"
            )}
            {preview.outcome.team ? ` → team ${preview.outcome.team.name}` : ""}
            {preview.outcome.priority ? `, priority ${preview.outcome.priority.toLowerCase()}` : ""}.{" "}
            {!preview.outcome.autoAssign
              ? "Auto-assignment is off: it would wait in the queue."
              : preview.outcome.agent
                ? `${preview.outcome.agent.name} would get it now (${preview.outcome.agent.load} of ${preview.outcome.agent.capacity} open).`
                : "Nobody available has room: it would wait in the queue."}
          </p>
          <ol className="space-y-1.5">
            {preview.rules.map((rule) => (
              <li key={rule.id} className={cx("rounded-md border px-3 py-1.5 text-xs", rule.id === preview.matchedRuleId ? "border-emerald-300 bg-emerald-50" : "border-slate-200")}>
                <span className="font-medium text-slate-900">{rule.name}</span>{" "}
                <span className="text-slate-600">{!rule.enabled ? "(disabled)" : rule.matched ? "matches" : "does not match"}</span>
                {rule.checks.length ? (
                  <ul className="mt-1 grid grid-cols-1 gap-0.5 sm:grid-cols-2">
                    {rule.checks.map((check) => (
                      <li key={check.criterion} className={check.ok ? "text-emerald-800" : "text-red-700"}>
                        {check.ok ? "✓" : "✗"} {CRITERION_LABEL[check.criterion]}: wants {check.expected}, has {check.actual}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
