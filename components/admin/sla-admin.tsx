"use client";

import { Button, Form, FormGroup, Input, Message, Panel, Select, Switch, Table, Text } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { CustomerTier, TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { EscalationPolicyDto } from "@/lib/sla/escalation-policy-dto.ts";
import type { SlaPolicyDto } from "@/lib/sla/sla-policy-dto.ts";
import type { TeamSummary } from "@/lib/teams/list-teams.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";
import { useApiData } from "./use-api-data.ts";

const PRIORITIES: TicketPriority[] = ["LOW", "NORMAL", "HIGH", "URGENT"];

function duration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function NewPolicyForm({ onCreated }: { onCreated: () => void }) {
  const action = useAdminAction();
  const [name, setName] = useState("");
  const [priority, setPriority] = useState<TicketPriority | "">("");
  const [tier, setTier] = useState<CustomerTier | "">("");
  const [firstResponseMinutes, setFirstResponseMinutes] = useState("60");
  const [resolutionHours, setResolutionHours] = useState("24");
  async function create(event: FormEvent) {
    event.preventDefault();
    const created = await action.run(
      () =>
        apiFetch("/api/v1/sla-policies", {
          method: "POST",
          body: { name, priority: priority || null, tier: tier || null, firstResponseSeconds: Math.round(Number(firstResponseMinutes) * 60), resolutionSeconds: Math.round(Number(resolutionHours) * 3600) },
        }),
      `Policy “${name}” added.`,
    );
    if (created) {
      setName("");
      onCreated();
    }
  }
  return (
    <Panel header="Add an SLA policy" description="The most specific policy for a ticket's priority and customer tier applies.">
      <ActionMessages state={action} onClose={action.clear} />
      <Form onSubmit={create}>
        <FormGroup>
          <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} />
        </FormGroup>
        <FormGroup>
          <Select<TicketPriority | ""> label="Priority" options={[{ value: "", content: "Any" }, ...PRIORITIES.map((value) => ({ value, content: value.toLowerCase() }))]} value={priority} onOptionChange={(value) => setPriority(value ?? "")} />
          <Select<CustomerTier | "">
            label="Customer tier"
            options={[
              { value: "", content: "Any" },
              { value: "STANDARD", content: "Standard" },
              { value: "VIP", content: "VIP" },
            ]}
            value={tier}
            onOptionChange={(value) => setTier(value ?? "")}
          />
        </FormGroup>
        <FormGroup>
          <Input label="First response within (minutes)" type="number" min={1} required value={firstResponseMinutes} onChange={(event) => setFirstResponseMinutes(event.target.value)} />
          <Input label="Resolution within (hours)" type="number" min={1} step="any" required value={resolutionHours} onChange={(event) => setResolutionHours(event.target.value)} />
        </FormGroup>
        <Button type="submit" isLoading={action.pending}>
          Add policy
        </Button>
      </Form>
    </Panel>
  );
}

/** SLA policies and escalation policies, through the SLA API (/api/v1/sla-policies, /api/v1/escalation-policies). */
export function SlaAdmin() {
  const policies = useApiData<{ items: SlaPolicyDto[] }>("/api/v1/sla-policies");
  const escalations = useApiData<{ items: EscalationPolicyDto[] }>("/api/v1/escalation-policies");
  const teams = useApiData<{ items: TeamSummary[] }>("/api/v1/teams");
  const action = useAdminAction();
  if (policies.error) return <Message type="error" messages={[{ text: policies.error }]} />;
  const teamName = (id: string | null) => (id ? (teams.data?.items.find((team) => team.id === id)?.name ?? "a deleted team") : "the level-2 team");

  return (
    <>
      <Panel header="SLA policies" description="First-response and resolution targets. Clocks pause while waiting on the customer.">
        <ActionMessages state={action} onClose={action.clear} />
        <Table<SlaPolicyDto>
          itemName="policies"
          keyField="id"
          items={policies.data?.items ?? []}
          emptyComponent={<Text>No SLA policies yet: tickets have no targets.</Text>}
          columns={[
            { hash: "name", header: "Name", render: (policy) => policy.name },
            { hash: "priority", header: "Priority", render: (policy) => policy.priority?.toLowerCase() ?? "any" },
            { hash: "tier", header: "Tier", render: (policy) => policy.tier?.toLowerCase() ?? "any" },
            { hash: "first", header: "First response", render: (policy) => duration(policy.firstResponseSeconds) },
            { hash: "resolution", header: "Resolution", render: (policy) => duration(policy.resolutionSeconds) },
            { hash: "hours", header: "Clock", render: (policy) => (policy.businessHours ? "business hours" : "around the clock") },
            {
              hash: "delete",
              header: "",
              width: 100,
              render: (policy) => (
                <Button
                  variant="subtle"
                  actionType="destructive"
                  disabled={action.pending}
                  onClick={async () => {
                    await action.run(() => apiFetch(`/api/v1/sla-policies/${policy.id}`, { method: "DELETE" }), `Policy “${policy.name}” deleted.`);
                    policies.reload();
                  }}
                >
                  Delete
                </Button>
              ),
            },
          ]}
        />
      </Panel>
      <NewPolicyForm onCreated={policies.reload} />
      <Panel header="Escalation" description="When a ticket passes its threshold it is escalated and reassigned.">
        <Table<EscalationPolicyDto>
          itemName="escalation policies"
          keyField="id"
          items={escalations.data?.items ?? []}
          emptyComponent={<Text>No escalation policies.</Text>}
          columns={[
            { hash: "name", header: "Name", render: (policy) => policy.name },
            { hash: "category", header: "Category", render: (policy) => policy.category ?? "every other" },
            { hash: "threshold", header: "At", render: (policy) => `${Math.round(policy.thresholdShare * 100)}% of the target` },
            { hash: "team", header: "To", render: (policy) => teamName(policy.targetTeamId) },
            {
              hash: "enabled",
              header: "On",
              width: 70,
              render: (policy) => (
                <Switch
                  aria-label={`Escalation ${policy.name} enabled`}
                  checked={policy.enabled}
                  disabled={action.pending}
                  onChange={async () => {
                    await action.run(() => apiFetch(`/api/v1/escalation-policies/${policy.id}`, { method: "PATCH", body: { enabled: !policy.enabled } }), `Escalation “${policy.name}” updated.`);
                    escalations.reload();
                  }}
                />
              ),
            },
          ]}
        />
      </Panel>
    </>
  );
}
