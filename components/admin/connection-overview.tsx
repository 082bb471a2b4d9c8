"use client";

import { Badge, Button, Message, Panel, Text } from "@bigcommerce/big-design";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { StoreConnectionDto } from "@/lib/bigcommerce-app/store-connection.ts";
import type { WebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { ActionMessages } from "./action-messages.tsx";
import { ApiAccountPanel } from "./api-account-panel.tsx";
import { FactsList } from "./facts-list.tsx";
import { useAdminAction } from "./use-admin-action.ts";

const STATUS_BADGE = {
  ACTIVE: { label: "connected", variant: "success" },
  NEEDS_REAUTH: { label: "needs re-authorisation", variant: "warning" },
  UNINSTALLED: { label: "uninstalled", variant: "danger" },
  DISCONNECTED: { label: "disconnected", variant: "danger" },
} as const;

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

export function ConnectionOverview({ store, health, canManage }: { store: StoreConnectionDto; health: WebhookHealth; canManage: boolean }) {
  const action = useAdminAction();
  const reregister = () => action.run(() => apiFetch("/api/v1/store/webhooks", { method: "POST" }), "Webhooks registered again.");
  const badge = STATUS_BADGE[store.status];
  return (
    <>
      <ActionMessages state={action} onClose={action.clear} />
      {health.alerts.length ? <Message type="warning" header="Needs attention" marginBottom="medium" messages={health.alerts.map((text) => ({ text }))} /> : null}
      <Panel header="BigCommerce connection" badge={{ label: badge.label, variant: badge.variant }} data-testid="connection-panel">
        <FactsList
          facts={[
            ["Store", `${store.name} (${store.bigcommerceHash})`],
            ["Connected through", store.connectionKind === "API_ACCOUNT" ? "a store API account (Settings → API accounts)" : "the BigCommerce app"],
            ["API access", store.connected ? "Tern holds an access token (stored encrypted)" : "No access token: install the app again, or connect an API account at /connect"],
            ["Installed", when(store.installedAt)],
            ["Scopes", store.scope || "—"],
            ["Telegram bot", store.telegramConnected ? "connected" : "not connected"],
          ]}
        />
      </Panel>
      <Panel
        header="Webhooks"
        description="BigCommerce tells Tern about orders, shipments and refunds through these hooks."
        action={canManage ? { text: "Register webhooks again", variant: "secondary", isLoading: action.pending, onClick: reregister } : undefined}
      >
        {store.webhookRegistrationError ? (
          <Message type="error" marginBottom="medium" messages={[{ text: `Last registration failed: ${store.webhookRegistrationError}` }]} />
        ) : null}
        <FactsList
          facts={[
            ["Registered", when(store.webhooksRegisteredAt)],
            ["Last delivery", when(health.lastDeliveryAt)],
            ["Last processed", when(health.lastProcessedAt)],
            ["Deliveries", `${health.deliveries.lastHour} in the last hour, ${health.deliveries.last24Hours} in 24 hours`],
            ["Retrying", String(health.failures.retrying)],
            ["Dead letters", String(health.failures.deadLetters)],
            ["Refused (wrong secret)", `${health.failures.rejected}${health.failures.lastRejectedAt ? `, last ${when(health.failures.lastRejectedAt)}` : ""}`],
            ["Waiting to process", String(health.backlog.waiting)],
            ["Processing time", health.processingLagMs.p50 === null ? "—" : `median ${health.processingLagMs.p50} ms, p95 ${health.processingLagMs.p95} ms`],
            ["BigCommerce delivery exceptions", `${health.deliveryExceptions.last7Days} in 7 days`],
            ["Reconciliation", `${when(health.reconciliation.lastRunAt)}; ${health.reconciliation.missedEventsRecovered24Hours} missed change(s) recovered in 24 hours`],
          ]}
        />
        {!canManage ? (
          <Text color="secondary60" marginTop="small">
            Only admins can register the webhooks again.
          </Text>
        ) : null}
        {!health.alerts.length ? <Badge label="healthy" variant="success" marginTop="small" /> : null}
        {canManage && !store.connected ? (
          <Button marginTop="medium" variant="subtle" disabled>
            Reinstall the app from the BigCommerce control panel to reconnect
          </Button>
        ) : null}

      </Panel>
      {canManage ? <ApiAccountPanel store={store} action={action} /> : null}
    </>
  );
}
