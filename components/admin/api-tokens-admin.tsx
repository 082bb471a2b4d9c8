"use client";

import { Badge, Button, Flex, Form, FormGroup, Input, Message, Modal, Panel, Select, Table, Text } from "@bigcommerce/big-design";
import { useRef, useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { ApiTokenDto } from "@/lib/auth/list-api-tokens.ts";
import type { Role } from "@/lib/generated/prisma/enums.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";

const ROLES: Array<{ value: Role; content: string; description: string }> = [
  { value: "AGENT", content: "Agent", description: "Tickets, customers, replies and notes" },
  { value: "SUPERVISOR", content: "Supervisor", description: "Also routing, SLA and the dashboard's metrics" },
  { value: "ADMIN", content: "Admin", description: "Everything, API tokens and store settings included" },
];

const ROLE_BADGE: Record<Role, "secondary" | "warning" | "danger"> = { AGENT: "secondary", SUPERVISOR: "warning", ADMIN: "danger" };

type Issued = { name: string; token: string };

function when(iso: string | null, never: string): string {
  return iso ? new Date(iso).toLocaleString() : never;
}

/** The token just made: the only time anyone sees it, so it is easy to copy and hard to miss. */
function IssuedToken({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refused permission): select it for a manual copy.
      field.current?.select();
      setCopied("failed");
    }
  }
  return (
    <Panel header={`Token for “${issued.name}”`} data-testid="issued-token">
      <Message
        type="warning"
        marginBottom="medium"
        header="Copy it now: you will not see it again"
        messages={[{ text: "Tern keeps only a fingerprint of the token. If it is lost, revoke it and make a new one." }]}
      />
      <Flex flexGap="0.5rem" alignItems="flex-end">
        <div style={{ flex: 1 }}>
          <Input label="New API token" readOnly value={issued.token} ref={field} onFocus={(event) => event.target.select()} />
        </div>
        <Button type="button" variant="secondary" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button type="button" variant="subtle" onClick={onDone}>
          Done
        </Button>
      </Flex>
      <Text marginTop="small" marginBottom="none" color="secondary60" role="status">
        {copied === "yes" ? "Copied to the clipboard." : copied === "failed" ? "The clipboard is not available here: the token is selected, copy it with Ctrl+C." : ""}
      </Text>
    </Panel>
  );
}

/** Tokens other tools call /api/v1 with (Authorization: Bearer …): make one with a role, see it once, revoke it. */
export function ApiTokensAdmin({ tokens }: { tokens: ApiTokenDto[] }) {
  const action = useAdminAction();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("AGENT");
  const [issued, setIssued] = useState<Issued | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const created = await action.run(() => apiFetch<{ apiToken: { name: string; token: string } }>("/api/v1/api-tokens", { body: { name, role } }));
    if (!created) return;
    setIssued({ name: created.apiToken.name, token: created.apiToken.token });
    setName("");
  }

  async function revoke(token: ApiTokenDto) {
    await action.run(() => apiFetch(`/api/v1/api-tokens/${token.id}`, { method: "DELETE" }), `“${token.name}” is revoked: calls with it are refused.`);
    setRevoking(null);
  }

  return (
    <>
      <ActionMessages state={action} onClose={action.clear} />
      {issued ? <IssuedToken issued={issued} onDone={() => setIssued(null)} /> : null}
      <Panel
        header="Make an API token"
        description="Other tools call Tern's API (/api/v1) with the header Authorization: Bearer <token>. The token acts as you, limited to the role you pick."
      >
        <Form onSubmit={create}>
          <FormGroup>
            <Input label="Name" description="What will use it, e.g. “Warehouse sync”." required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
          </FormGroup>
          <FormGroup>
            <Select<Role> label="Role" options={ROLES} value={role} onOptionChange={(value) => value && setRole(value)} required />
          </FormGroup>
          <Button type="submit" isLoading={action.pending} disabled={!name.trim()}>
            Create token
          </Button>
        </Form>
      </Panel>
      <Panel header="API tokens" description="Newest first. Only the first characters of each token are kept in view.">
        <Table<ApiTokenDto>
          itemName="API tokens"
          keyField="id"
          items={tokens}
          emptyComponent={<Text>No API tokens yet.</Text>}
          columns={[
            {
              hash: "name",
              header: "Name",
              render: (token) => (
                <>
                  <Text bold marginBottom="none">
                    {token.name}
                  </Text>
                  <Text color="secondary60" marginBottom="none" style={{ fontFamily: "monospace" }}>
                    {token.prefix}…
                  </Text>
                </>
              ),
            },
            { hash: "role", header: "Role", width: 120, render: (token) => <Badge label={token.role.toLowerCase()} variant={ROLE_BADGE[token.role]} /> },
            {
              hash: "created",
              header: "Created",
              render: (token) => (
                <>
                  <Text marginBottom="none">{when(token.createdAt, "—")}</Text>
                  <Text color="secondary60" marginBottom="none">
                    by {token.createdBy?.name ?? "someone no longer here"}
                    {token.user.id !== token.createdBy?.id ? `, acts as ${token.user.name}` : ""}
                  </Text>
                </>
              ),
            },
            { hash: "lastUsed", header: "Last used", render: (token) => <span data-testid="token-last-used">{when(token.lastUsedAt, "Never")}</span> },
            {
              hash: "actions",
              header: "",
              width: 160,
              render: (token) =>
                token.revokedAt ? (
                  <Badge label={`revoked ${new Date(token.revokedAt).toLocaleDateString()}`} variant="secondary" />
                ) : (
                  <Button type="button" variant="subtle" actionType="destructive" aria-label={`Revoke ${token.name}`} disabled={action.pending} onClick={() => setRevoking(token)}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      </Panel>
      <Modal
        isOpen={revoking !== null}
        variant="dialog"
        header={revoking ? `Revoke “${revoking.name}”?` : undefined}
        onClose={() => setRevoking(null)}
        closeOnEscKey
        actions={[
          { text: "Cancel", variant: "subtle", onClick: () => setRevoking(null) },
          { text: "Revoke token", actionType: "destructive", isLoading: action.pending, onClick: () => revoking && void revoke(revoking) },
        ]}
      >
        <Text>Every tool that calls Tern with it ({revoking?.prefix}…) is refused from now on. This cannot be undone.</Text>
      </Modal>
    </>
  );
}
