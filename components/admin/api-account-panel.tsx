"use client";

import { Button, Form, FormGroup, Input, Panel } from "@bigcommerce/big-design";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { StoreConnectionDto } from "@/lib/bigcommerce-app/store-connection.ts";
import type { ActionState } from "./use-admin-action.ts";

type Run = <T>(action: () => Promise<T>, doneText?: string) => Promise<T | undefined>;

/**
 * Inside the control panel: switch the store to a store API account (or another one), or
 * disconnect it. The same /api/v1/store/connection as the /connect page; the token field is
 * emptied once sent and never filled from the server.
 */
export function ApiAccountPanel({ store, action }: { store: StoreConnectionDto; action: ActionState & { run: Run } }) {
  const [apiPath, setApiPath] = useState("");
  const [accessToken, setAccessToken] = useState("");

  async function connect(event: FormEvent) {
    event.preventDefault();
    const sent = await action.run(() => apiFetch("/api/v1/store/connection", { method: "PUT", body: { apiPath, accessToken } }), "The store is connected with the API account.");
    if (sent !== undefined) setAccessToken("");
  }

  function disconnect() {
    if (!window.confirm("Disconnect the store? Tern deletes its webhooks at BigCommerce and forgets the token. Tickets stay.")) return;
    void action.run(() => apiFetch("/api/v1/store/connection", { method: "DELETE" }), "The store is disconnected: Tern's webhooks were deleted at BigCommerce.");
  }

  return (
    <Panel
      header={store.connectionKind === "API_ACCOUNT" ? "Use another store API account" : "Connect with a store API account instead"}
      description="Settings → API → Store-level API accounts → Create API account (V2/V3 API token) with at least Information & settings, Orders and Customers read-only; paste its API path and access token. Tickets, people and settings stay."
    >
      <Form onSubmit={connect} fullWidth>
        <FormGroup>
          <Input label="API path" placeholder="https://api.bigcommerce.com/stores/abc123/v3/" autoComplete="off" required value={apiPath} onChange={(event) => setApiPath(event.target.value)} />
        </FormGroup>
        <FormGroup>
          <Input label="Access token" description="Stored encrypted; Tern never shows it again." type="password" autoComplete="off" required value={accessToken} onChange={(event) => setAccessToken(event.target.value)} />
        </FormGroup>
        <Button type="submit" isLoading={action.pending}>
          Connect with this API account
        </Button>
        {store.status !== "DISCONNECTED" ? (
          <Button type="button" variant="subtle" actionType="destructive" marginLeft="small" disabled={action.pending} onClick={disconnect}>
            Disconnect store
          </Button>
        ) : null}
      </Form>
    </Panel>
  );
}
