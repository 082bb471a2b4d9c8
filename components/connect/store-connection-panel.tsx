"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiError } from "@/components/ui/api-fetch.ts";
import { Button } from "@/components/ui/button.tsx";
import type { StoreConnectionDto } from "@/lib/bigcommerce-app/store-connection.ts";
import type { WebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import { ApiAccountFields, ApiAccountSteps, ErrorNote, readApiAccount } from "./api-account-fields.tsx";

type Connected = { webhooks: { ok: boolean; error?: string }; missingOptional: string[] };

const STATUS_WORDS: Record<StoreConnectionDto["status"], { label: string; tone: string }> = {
  ACTIVE: { label: "connected", tone: "bg-emerald-50 text-emerald-700" },
  NEEDS_REAUTH: { label: "needs a new token", tone: "bg-amber-50 text-amber-800" },
  UNINSTALLED: { label: "uninstalled", tone: "bg-red-50 text-red-700" },
  DISCONNECTED: { label: "disconnected", tone: "bg-red-50 text-red-700" },
};

function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "never";
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 py-1.5 sm:flex-row sm:gap-3">
      <dt className="w-44 shrink-0 text-xs font-medium text-slate-500">{label}</dt>
      <dd className="break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Signed in as an admin: the store's connection and its health, (re)connect by API account, disconnect. */
export function StoreConnectionPanel({ store, health }: { store: StoreConnectionDto; health: WebhookHealth }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const status = STATUS_WORDS[store.status];

  async function run(action: () => Promise<string>) {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Tern could not be reached. Try again.");
    } finally {
      setPending(false);
    }
  }

  function onConnect(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = readApiAccount(form);
    void run(async () => {
      const result = await apiFetch<Connected>("/api/v1/store/connection", { method: "PUT", body });
      form.reset();
      const parts = ["The store is connected with the API account."];
      if (!result.webhooks.ok) parts.push(`Webhooks could not be registered: ${result.webhooks.error ?? "unknown error"}.`);
      if (result.missingOptional.length) parts.push(`Without these optional scopes some features stay off: ${result.missingOptional.join("; ")}.`);
      return parts.join(" ");
    });
  }

  function onDisconnect() {
    if (!window.confirm("Disconnect the store? Tern deletes its webhooks at BigCommerce and forgets the token. Tickets stay.")) return;
    void run(async () => {
      const result = await apiFetch<{ removedHooks: number }>("/api/v1/store/connection", { method: "DELETE" });
      return `Disconnected. ${result.removedHooks} webhook(s) deleted at BigCommerce.`;
    });
  }

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="store-connection">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <h2 className="text-lg font-semibold">BigCommerce connection</h2>
          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${status.tone}`}>{status.label}</span>
        </div>
        <dl className="divide-y divide-slate-100">
          <Fact label="Store">
            {store.name} ({store.bigcommerceHash})
          </Fact>
          <Fact label="Connected through">{store.connectionKind === "API_ACCOUNT" ? "a store API account" : "the BigCommerce app"}</Fact>
          <Fact label="Access token">{store.connected ? "held by Tern, encrypted" : "none"}</Fact>
          <Fact label="Scopes">{store.scope || "—"}</Fact>
          <Fact label="Webhooks registered">{when(store.webhooksRegisteredAt)}</Fact>
          <Fact label="Last delivery">{when(health.lastDeliveryAt)}</Fact>
          <Fact label="Deliveries">{`${health.deliveries.lastHour} in the last hour, ${health.deliveries.last24Hours} in 24 hours`}</Fact>
          <Fact label="Dead letters">{String(health.failures.deadLetters)}</Fact>
        </dl>
        {store.webhookRegistrationError ? <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Last webhook registration failed: {store.webhookRegistrationError}</p> : null}
        {health.alerts.length ? (
          <ul className="mt-3 space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="connection-alerts">
            {health.alerts.map((alert) => (
              <li key={alert}>{alert}</li>
            ))}
          </ul>
        ) : null}
        {store.status !== "DISCONNECTED" ? (
          <Button variant="danger" size="md" className="mt-4" disabled={pending} onClick={onDisconnect}>
            Disconnect store
          </Button>
        ) : null}
      </section>

      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-1 text-lg font-semibold">{store.connectionKind === "API_ACCOUNT" && store.connected ? "Use another API account" : "Connect with a store API account"}</h2>
        <p className="mb-4 text-sm text-slate-600">Tickets, people and settings stay as they are: only the way Tern reaches BigCommerce changes.</p>
        <form onSubmit={onConnect} className="space-y-4" noValidate>
          <ApiAccountSteps />
          <ApiAccountFields disabled={pending} />
          <Button type="submit" variant="primary" size="lg" className="w-full sm:w-auto" disabled={pending}>
            {pending ? "Checking with BigCommerce…" : "Connect with this API account"}
          </Button>
        </form>
      </section>
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      <ErrorNote message={error} />
    </div>
  );
}
