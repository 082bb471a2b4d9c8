"use client";

import { Button, Checkbox, Form, FormGroup, Input, Panel } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { StoreConnectionDto } from "@/lib/bigcommerce-app/store-connection.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";

/** The app's own store settings: the name agents see, refund approvals, what uninstalling does. */
export function StoreSettingsForm({ store }: { store: StoreConnectionDto }) {
  const action = useAdminAction();
  const [name, setName] = useState(store.name);
  const [threshold, setThreshold] = useState(store.refundApprovalThreshold ?? "");
  const [purge, setPurge] = useState(store.purgeOnUninstall);
  async function save(event: FormEvent) {
    event.preventDefault();
    await action.run(
      () => apiFetch("/api/v1/store", { method: "PATCH", body: { name, purgeOnUninstall: purge, refundApprovalThreshold: threshold.trim() ? Number(threshold) : null } }),
      "Store settings saved.",
    );
  }
  return (
    <Panel header="Store settings">
      <ActionMessages state={action} onClose={action.clear} />
      <Form onSubmit={save}>
        <FormGroup>
          <Input label="Store name in Tern" required value={name} onChange={(event) => setName(event.target.value)} />
        </FormGroup>
        <FormGroup>
          <Input
            label="Refunds above this amount need a supervisor's approval"
            description="In the order's currency. Empty: agents refund any amount themselves. Supervisors and admins never wait."
            type="number"
            min={0}
            step="0.01"
            value={threshold}
            onChange={(event) => setThreshold(event.target.value)}
          />
        </FormGroup>
        <FormGroup>
          <Checkbox
            label="Delete all of this store's data in Tern when the app is uninstalled"
            description="Otherwise tickets, customers and settings are kept, and come back if the app is installed again."
            checked={purge}
            onChange={() => setPurge(!purge)}
          />
        </FormGroup>
        <Button type="submit" isLoading={action.pending}>
          Save
        </Button>
      </Form>
    </Panel>
  );
}
