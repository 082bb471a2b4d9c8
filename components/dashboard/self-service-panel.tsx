import type { SelfServiceSummary } from "@/lib/metrics/self-service-summary.ts";
import { ChartCard } from "./chart-card.tsx";
import { titleCase } from "./format.ts";

const KIND_LABELS: Record<string, string> = {
  kb_answer: "Knowledge-base answers (offers and replies)",
  product_search: "Product search",
  checkout_link: "Checkout links",
  address_change: "Address changes",
  phone_change: "Phone changes",
};

/** "kb_answer" → "Knowledge-base answers"; a kind this page does not know yet still reads well. */
function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? titleCase(kind);
}

/** Deflection (conversations resolved without an agent) and what customers did on their own, in the range. */
export function SelfServicePanel({ selfService }: { selfService: SelfServiceSummary }) {
  const { deflected, resolved, deflectionRate, byKind, kbAnswers } = selfService;
  const rate = deflectionRate === null ? "—" : `${Math.round(deflectionRate * 100)}%`;
  return (
    <ChartCard title="Self-service" subtitle={`${deflected} of ${resolved} resolved without an agent`} testId="self-service">
      <dl className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-600">Deflection</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="self-service-deflected" data-count={deflected}>
            {deflected} <span className="text-xs font-normal text-slate-500">({rate})</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Articles offered</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="self-service-kb-offered">{kbAnswers.offered}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Answered “Yes”</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="self-service-kb-accepted">{kbAnswers.accepted}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Asked for a person</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900" data-testid="self-service-kb-declined">{kbAnswers.declined}</dd>
        </div>
      </dl>
      {byKind.length === 0 ? (
        <p className="py-4 text-center text-[13px] text-slate-500">No self-service use in this range yet</p>
      ) : (
        <table className="w-full text-[13px]" data-testid="self-service-by-kind">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th className="pb-1 font-medium">Self-service action</th>
              <th className="pb-1 text-right font-medium">Actions</th>
            </tr>
          </thead>
          <tbody>
            {byKind.map((entry) => (
              <tr key={entry.kind} data-kind={entry.kind} className="border-t border-slate-100">
                <td className="py-1 text-slate-800">{kindLabel(entry.kind)}</td>
                <td className="py-1 text-right tabular-nums font-medium text-slate-900">{entry.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartCard>
  );
}
