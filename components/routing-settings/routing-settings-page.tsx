"use client";

import { SupervisorShell, type SupervisorUser } from "@/components/supervisor/supervisor-shell.tsx";
import type { AssignmentRuleDto } from "@/lib/routing/assignment-rule-dto.ts";
import type { AgentLoad } from "@/lib/routing/list-agent-loads.ts";
import type { RoutingOptions } from "@/lib/routing/list-routing-options.ts";
import type { RoutingSettingsValues } from "@/lib/routing/load-routing-settings.ts";
import { AgentAvailabilityTable } from "./agent-availability-table.tsx";
import { RoutingOptionsForm } from "./routing-options-form.tsx";
import { RuleList } from "./rule-list.tsx";
import { RulePreview } from "./rule-preview.tsx";
import { WatchingForm } from "./watching-form.tsx";

type Props = { user: SupervisorUser; rules: AssignmentRuleDto[]; options: RoutingOptions; settings: RoutingSettingsValues; agents: AgentLoad[] };

export function RoutingSettingsPage({ user, rules, options, settings, agents }: Props) {
  return (
    <SupervisorShell user={user} active="routing">
      <div className="mx-auto max-w-6xl space-y-4 p-4">
        <h1 className="text-lg font-semibold text-slate-900">Routing</h1>
        <RuleList rules={rules} options={options} />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <RulePreview />
          <div className="space-y-4">
            <RoutingOptionsForm settings={settings} />
            <WatchingForm settings={settings} />
            <AgentAvailabilityTable agents={agents} />
          </div>
        </div>
      </div>
    </SupervisorShell>
  );
}
