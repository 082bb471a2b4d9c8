"use client";

import { AlertIcon, ClockIcon } from "@/components/ui/icons.tsx";
import { useNow } from "@/components/ui/use-now.ts";
import { slaRisk, type SlaRiskFields } from "@/lib/ticket-lifecycle/sla-risk.ts";

/** "SLA at risk" / "SLA breached" marker, same rule as the queue's filter (lib/ticket-lifecycle/sla-risk.ts). */
export function SlaBadge({ ticket }: { ticket: SlaRiskFields }) {
  const now = useNow();
  if (now === 0) return null;
  const risk = slaRisk(ticket, new Date(now));
  if (!risk) return null;
  return risk === "breached" ? (
    <span className="inline-flex items-center gap-1 rounded bg-red-50 px-1.5 py-0.5 text-[11px] font-medium text-red-700">
      <AlertIcon size={12} /> SLA breached
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded bg-amber-50 px-1.5 py-0.5 text-[11px] font-medium text-amber-800">
      <ClockIcon size={12} /> SLA at risk
    </span>
  );
}
