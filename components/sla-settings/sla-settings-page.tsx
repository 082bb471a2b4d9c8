"use client";

import { SupervisorShell, type SupervisorUser } from "@/components/supervisor/supervisor-shell.tsx";
import type { RoutingOptions } from "@/lib/routing/list-routing-options.ts";
import type { EscalationPolicyDto } from "@/lib/sla/escalation-policy-dto.ts";
import type { SlaHolidayDto } from "@/lib/sla/list-sla-holidays.ts";
import type { SlaPolicyDto } from "@/lib/sla/sla-policy-dto.ts";
import { EscalationPolicySection } from "./escalation-policy-section.tsx";
import { HolidaySection } from "./holiday-section.tsx";
import { SlaPolicyList } from "./sla-policy-list.tsx";

type Props = {
  user: SupervisorUser;
  storeTimeZone: string;
  policies: SlaPolicyDto[];
  escalations: EscalationPolicyDto[];
  holidays: SlaHolidayDto[];
  teams: RoutingOptions["teams"];
};

export function SlaSettingsPage({ user, storeTimeZone, policies, escalations, holidays, teams }: Props) {
  return (
    <SupervisorShell user={user} active="sla">
      <div className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-lg font-semibold text-slate-900">SLA and escalation</h1>
        <SlaPolicyList policies={policies} storeTimeZone={storeTimeZone} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <EscalationPolicySection policies={escalations} teams={teams} />
          </div>
          <HolidaySection holidays={holidays} />
        </div>
      </div>
    </SupervisorShell>
  );
}
