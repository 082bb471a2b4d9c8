"use client";

import { Badge, Button, Checkbox, Flex, Form, FormGroup, Input, Message, Panel, Select, Switch, Table, Text } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { AssignmentConditions } from "@/lib/routing/assignment-rule-conditions.ts";
import type { AssignmentRuleDto } from "@/lib/routing/assignment-rule-dto.ts";
import type { RoutingSettingsValues } from "@/lib/routing/load-routing-settings.ts";
import type { TeamSummary } from "@/lib/teams/list-teams.ts";
import type { UserSummary } from "@/lib/users/list-users.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";
import { useApiData } from "./use-api-data.ts";

const PRIORITIES: TicketPriority[] = ["LOW", "NORMAL", "HIGH", "URGENT"];

function list(text: string): string[] | undefined {
  const values = text.split(",").map((value) => value.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

function describeConditions(value: unknown, valid: boolean): string {
  if (!valid) return "Broken conditions: matches nothing";
  const c = (value ?? {}) as AssignmentConditions;
  const parts = [
    c.issueType && `issue ${c.issueType.join(" or ")}`,
    c.category && `category ${c.category.join(" or ")}`,
    c.tier && `${c.tier === "VIP" ? "VIP" : "standard"} customers`,
    c.minOrderValue !== undefined && `order ≥ ${c.minOrderValue}`,
    c.maxOrderValue !== undefined && `order ≤ ${c.maxOrderValue}`,
    c.region && `region ${c.region.join(" or ")}`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "Every ticket";
}

function SettingsPanel({ settings, onSaved }: { settings: RoutingSettingsValues; onSaved: () => void }) {
  const action = useAdminAction();
  const [autoAssign, setAutoAssign] = useState(settings.autoAssign);
  const [requeue, setRequeue] = useState(settings.requeueOnUnavailable);
  const [timeoutMinutes, setTimeoutMinutes] = useState(settings.assignmentTimeoutSeconds ? String(settings.assignmentTimeoutSeconds / 60) : "");
  const [watch, setWatch] = useState(settings.watchOrderTickets);
  async function save(event: FormEvent) {
    event.preventDefault();
    const minutes = timeoutMinutes.trim() ? Number(timeoutMinutes) : null;
    await action.run(
      () =>
        apiFetch("/api/v1/routing-settings", {
          method: "PATCH",
          body: { autoAssign, requeueOnUnavailable: requeue, assignmentTimeoutSeconds: minutes === null ? null : Math.round(minutes * 60), watchOrderTickets: watch },
        }),
      "Routing settings saved.",
    );
    onSaved();
  }
  return (
    <Panel header="Assignment" description="How new tickets reach agents: the available agent with the lowest load under their capacity, oldest and most urgent first.">
      <ActionMessages state={action} onClose={action.clear} />
      <Form onSubmit={save}>
        <FormGroup>
          <Flex alignItems="center" flexGap="0.75rem">
            <Switch id="auto-assign" checked={autoAssign} onChange={() => setAutoAssign(!autoAssign)} />
            <label htmlFor="auto-assign">Assign new tickets automatically</label>
          </Flex>
        </FormGroup>
        <FormGroup>
          <Flex alignItems="center" flexGap="0.75rem">
            <Switch id="requeue" checked={requeue} onChange={() => setRequeue(!requeue)} />
            <label htmlFor="requeue">Put tickets back in the queue when their agent goes away or offline</label>
          </Flex>
        </FormGroup>
        <FormGroup>
          <Flex alignItems="center" flexGap="0.75rem">
            <Switch id="watch-orders" checked={watch} onChange={() => setWatch(!watch)} />
            <label htmlFor="watch-orders">Watch new order tickets until they need a person (a customer message, a refund or return, a failed payment, a rule marked “work at once”)</label>
          </Flex>
        </FormGroup>
        <FormGroup>
          <Input label="Return unanswered assignments to the queue after (minutes)" description="Empty: never." type="number" min={1} value={timeoutMinutes} onChange={(event) => setTimeoutMinutes(event.target.value)} />
        </FormGroup>
        <Button type="submit" isLoading={action.pending}>
          Save routing settings
        </Button>
      </Form>
    </Panel>
  );
}

function NewRuleForm({ teams, users, onCreated }: { teams: TeamSummary[]; users: UserSummary[]; onCreated: () => void }) {
  const action = useAdminAction();
  const [name, setName] = useState("");
  const [issueTypes, setIssueTypes] = useState("");
  const [categories, setCategories] = useState("");
  const [vipOnly, setVipOnly] = useState(false);
  const [minOrderValue, setMinOrderValue] = useState("");
  const [teamId, setTeamId] = useState<string>("");
  const [assigneeId, setAssigneeId] = useState<string>("");
  const [priority, setPriority] = useState<TicketPriority | "">("");
  const [makesWork, setMakesWork] = useState(false);
  async function create(event: FormEvent) {
    event.preventDefault();
    const conditions: AssignmentConditions = {
      issueType: list(issueTypes),
      category: list(categories),
      ...(vipOnly ? { tier: "VIP" as const } : {}),
      ...(minOrderValue.trim() ? { minOrderValue: Number(minOrderValue) } : {}),
    };
    const created = await action.run(
      () => apiFetch("/api/v1/assignment-rules", { method: "POST", body: { name, conditions, teamId: teamId || null, assigneeId: assigneeId || null, priority: priority || null, makesWork } }),
      `Rule “${name}” added.`,
    );
    if (created) {
      setName("");
      setIssueTypes("");
      setCategories("");
      setMinOrderValue("");
      onCreated();
    }
  }
  return (
    <Panel header="Add a rule" description="Rules are tried in order; the first that matches routes the ticket.">
      <ActionMessages state={action} onClose={action.clear} />
      <Form onSubmit={create}>
        <FormGroup>
          <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} />
        </FormGroup>
        <FormGroup>
          <Input label="Issue types" description="Comma-separated, e.g. refund, return" value={issueTypes} onChange={(event) => setIssueTypes(event.target.value)} />
          <Input label="Product categories" description="Comma-separated" value={categories} onChange={(event) => setCategories(event.target.value)} />
        </FormGroup>
        <FormGroup>
          <Input label="Minimum order value" type="number" min={0} value={minOrderValue} onChange={(event) => setMinOrderValue(event.target.value)} />
          <Checkbox label="VIP customers only" checked={vipOnly} onChange={() => setVipOnly(!vipOnly)} />
        </FormGroup>
        <FormGroup>
          <Select<string> label="Team" options={[{ value: "", content: "—" }, ...teams.map((team) => ({ value: team.id, content: team.name }))]} value={teamId} onOptionChange={(value) => setTeamId(value ?? "")} />
          <Select<string> label="Agent" options={[{ value: "", content: "—" }, ...users.map((user) => ({ value: user.id, content: user.name }))]} value={assigneeId} onOptionChange={(value) => setAssigneeId(value ?? "")} />
          <Select<TicketPriority | ""> label="Priority" options={[{ value: "", content: "—" }, ...PRIORITIES.map((value) => ({ value, content: value.toLowerCase() }))]} value={priority} onOptionChange={(value) => setPriority(value ?? "")} />
          <Checkbox label="Work at once: matching order tickets are not only watched" checked={makesWork} onChange={() => setMakesWork(!makesWork)} />
        </FormGroup>
        <Button type="submit" isLoading={action.pending}>
          Add rule
        </Button>
      </Form>
    </Panel>
  );
}

/** Routing settings and assignment rules, through the routing API (/api/v1/routing-settings, /api/v1/assignment-rules). */
export function RoutingAdmin() {
  const settings = useApiData<{ settings: RoutingSettingsValues }>("/api/v1/routing-settings");
  const rules = useApiData<{ items: AssignmentRuleDto[] }>("/api/v1/assignment-rules");
  const teams = useApiData<{ items: TeamSummary[] }>("/api/v1/teams");
  const users = useApiData<{ items: UserSummary[] }>("/api/v1/users");
  const action = useAdminAction();
  const error = settings.error ?? rules.error;
  if (error) return <Message type="error" messages={[{ text: error }]} />;

  const patchRule = async (rule: AssignmentRuleDto, body: unknown, done: string) => {
    await action.run(() => apiFetch(`/api/v1/assignment-rules/${rule.id}`, { method: "PATCH", body }), done);
    rules.reload();
  };
  const removeRule = async (rule: AssignmentRuleDto) => {
    await action.run(() => apiFetch(`/api/v1/assignment-rules/${rule.id}`, { method: "DELETE" }), `Rule “${rule.name}” deleted.`);
    rules.reload();
  };

  return (
    <>
      {settings.data ? <SettingsPanel settings={settings.data.settings} onSaved={settings.reload} /> : <Text>Loading…</Text>}
      <Panel header="Assignment rules">
        <ActionMessages state={action} onClose={action.clear} />
        <Table<AssignmentRuleDto>
          itemName="rules"
          keyField="id"
          items={rules.data?.items ?? []}
          emptyComponent={<Text>No rules: tickets go to the general queue.</Text>}
          columns={[
            { hash: "position", header: "#", width: 40, render: (rule) => rule.position + 1 },
            { hash: "name", header: "Name", render: (rule) => rule.name },
            { hash: "when", header: "When", render: (rule) => describeConditions(rule.conditions, rule.valid) },
            {
              hash: "then",
              header: "Then",
              render: (rule) => [rule.team && `team ${rule.team.name}`, rule.assignee && `agent ${rule.assignee.name}`, rule.priority && `priority ${rule.priority.toLowerCase()}`].filter(Boolean).join(", ") || "—",
            },
            {
              hash: "enabled",
              header: "On",
              width: 70,
              render: (rule) => (
                <Switch aria-label={`Rule ${rule.name} enabled`} checked={rule.enabled} disabled={action.pending} onChange={() => patchRule(rule, { enabled: !rule.enabled }, `Rule “${rule.name}” ${rule.enabled ? "paused" : "enabled"}.`)} />
              ),
            },
            { hash: "valid", header: "", width: 90, render: (rule) => (rule.valid ? null : <Badge label="broken" variant="danger" />) },
            {
              hash: "delete",
              header: "",
              width: 100,
              render: (rule) => (
                <Button variant="subtle" actionType="destructive" disabled={action.pending} onClick={() => removeRule(rule)}>
                  Delete
                </Button>
              ),
            },
          ]}
        />
      </Panel>
      <NewRuleForm teams={teams.data?.items ?? []} users={users.data?.items ?? []} onCreated={rules.reload} />
    </>
  );
}
