"use client";

import { Badge, Input, Panel, Select, Switch, Table, Text } from "@bigcommerce/big-design";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import type { TeamSummary } from "@/lib/teams/list-teams.ts";
import type { StorePersonDto } from "@/lib/users/store-person-dto.ts";
import type { StorePersonPatch } from "@/lib/validations/users.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";

const ROLES: Array<{ value: Role; content: string }> = [
  { value: "AGENT", content: "Agent" },
  { value: "SUPERVISOR", content: "Supervisor" },
  { value: "ADMIN", content: "Admin" },
];

/** Everyone in the store: roles, teams, capacity, and who may sign in. Changes apply at once. */
export function AgentsTable({ people, teams, currentUserId }: { people: StorePersonDto[]; teams: TeamSummary[]; currentUserId: string }) {
  const action = useAdminAction();
  const update = (person: StorePersonDto, patch: StorePersonPatch, done: string) =>
    action.run(() => apiFetch(`/api/v1/users/${person.id}`, { method: "PATCH", body: patch }), done);
  const teamOptions = [{ value: "", content: "No team" }, ...teams.map((team) => ({ value: team.id, content: team.name }))];

  return (
    <Panel header="Agents and roles" description="People who open Tern from the BigCommerce control panel join as agents; give supervisors and admins their role here.">
      <ActionMessages state={action} onClose={action.clear} />
      <Table<StorePersonDto>
        itemName="people"
        keyField="id"
        items={people}
        stickyHeader
        columns={[
          {
            hash: "name",
            header: "Name",
            render: (person) => (
              <>
                <Text bold marginBottom="none">
                  {person.name}
                  {person.id === currentUserId ? " (you)" : ""}
                </Text>
                <Text color="secondary60" marginBottom="none">
                  {person.email}
                </Text>
              </>
            ),
          },
          {
            hash: "role",
            header: "Role",
            width: 180,
            render: (person) => (
              <Select<Role>
                aria-label={`Role of ${person.name}`}
                options={ROLES}
                value={person.role}
                disabled={action.pending || person.id === currentUserId}
                onOptionChange={(role) => role && role !== person.role && update(person, { role }, `${person.name} is now ${role.toLowerCase()}.`)}
              />
            ),
          },
          {
            hash: "team",
            header: "Team",
            width: 200,
            render: (person) => (
              <Select<string>
                aria-label={`Team of ${person.name}`}
                options={teamOptions}
                value={person.team?.id ?? ""}
                disabled={action.pending}
                onOptionChange={(teamId) => update(person, { teamId: teamId || null }, `${person.name}'s team changed.`)}
              />
            ),
          },
          {
            hash: "capacity",
            header: "Capacity",
            width: 110,
            render: (person) => (
              <Input
                aria-label={`Capacity of ${person.name}`}
                type="number"
                min={0}
                max={1000}
                defaultValue={person.capacity}
                disabled={action.pending}
                onBlur={(event) => {
                  const capacity = Number(event.target.value);
                  if (Number.isInteger(capacity) && capacity !== person.capacity) void update(person, { capacity }, `${person.name} now takes up to ${capacity} tickets.`);
                }}
              />
            ),
          },
          {
            hash: "signin",
            header: "Signs in",
            render: (person) => <Badge label={person.bigcommerceLinked ? "from BigCommerce" : "with a password"} variant="secondary" />,
          },
          {
            hash: "active",
            header: "Active",
            width: 90,
            render: (person) => (
              <Switch
                aria-label={`${person.name} may sign in`}
                checked={!person.disabled}
                disabled={action.pending || person.id === currentUserId}
                onChange={() => update(person, { disabled: !person.disabled }, person.disabled ? `${person.name} may sign in again.` : `${person.name} is disabled; their open tickets went back to the queue.`)}
              />
            ),
          },
        ]}
      />
    </Panel>
  );
}
