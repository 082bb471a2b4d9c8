"use client";

import { Badge, Button, Flex, Message, Panel, ProgressBar, Table, Text } from "@bigcommerce/big-design";
import { useEffect } from "react";
import { apiFetch } from "@/components/ui/api-fetch.ts";
import type { CustomerImportDto } from "@/lib/customers/import/customer-import-dto.ts";
import type { CustomerImportSkipDto } from "@/lib/customers/import/list-customer-import-skips.ts";
import { ActionMessages } from "./action-messages.tsx";
import { useAdminAction } from "./use-admin-action.ts";
import { useApiData } from "./use-api-data.ts";

// While an import runs, its progress is read again this often.
const POLL_MS = 1_000;

const STATUS_BADGE: Record<CustomerImportDto["status"], { label: string; variant: "secondary" | "primary" | "success" | "danger" | "warning" }> = {
  QUEUED: { label: "queued", variant: "secondary" },
  RUNNING: { label: "running", variant: "primary" },
  DONE: { label: "done", variant: "success" },
  FAILED: { label: "failed", variant: "danger" },
  CANCELLED: { label: "cancelled", variant: "warning" },
};

const count = (value: number) => value.toLocaleString("en-US");

function timeLeft(seconds: number | null): string {
  if (seconds === null) return "time left unknown";
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  return minutes < 90 ? `about ${minutes} min left` : `about ${Math.round(minutes / 6) / 10} h left`;
}

function Progress({ job }: { job: CustomerImportDto }) {
  const active = job.status === "QUEUED" || job.status === "RUNNING";
  const percent = job.status === "DONE" ? 100 : job.total ? Math.min(100, Math.floor((job.processed / job.total) * 100)) : 0;
  return (
    <div data-testid="customer-import-progress" data-status={job.status}>
      <Flex justifyContent="space-between" alignItems="center" flexWrap="wrap" marginBottom="xSmall">
        <Text marginBottom="none">
          <span data-testid="customer-import-count">
            {count(job.processed)} / {job.total === null ? "…" : count(job.total)}
          </span>{" "}
          customers
        </Text>
        <Badge label={STATUS_BADGE[job.status].label} variant={STATUS_BADGE[job.status].variant} />
      </Flex>
      <div role="progressbar" aria-label="Customer import" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <ProgressBar percent={percent} />
      </div>
      <Text color="secondary60" marginTop="xSmall">
        {job.ratePerSecond !== null ? `${job.ratePerSecond} customers/s` : "rate unknown"}
        {active ? ` · ${timeLeft(job.secondsLeft)}` : ""} · {count(job.imported)} imported · {count(job.skipped)} skipped · {count(job.apiCalls)} API calls
        {job.rateLimited ? ` (${count(job.rateLimited)} rate-limited and waited out)` : ""}
      </Text>
      {job.error ? <Message type={job.status === "FAILED" ? "error" : "warning"} messages={[{ text: job.error }]} marginTop="small" /> : null}
    </div>
  );
}

function SkipLog({ importId }: { importId: string }) {
  const skips = useApiData<{ items: CustomerImportSkipDto[]; nextCursor: string | null }>(`/api/v1/customer-imports/${importId}/skips?limit=50`);
  if (skips.error) return <Message type="error" messages={[{ text: skips.error }]} />;
  return (
    <Table<CustomerImportSkipDto>
      itemName="skipped records"
      keyField="id"
      items={skips.data?.items ?? []}
      emptyComponent={<Text>{skips.loading ? "Loading…" : "No record skipped."}</Text>}
      columns={[
        { hash: "customer", header: "BigCommerce customer", width: 200, render: (skip) => (skip.bigcommerceCustomerId === null ? "—" : `#${skip.bigcommerceCustomerId}`) },
        { hash: "reason", header: "Why it was skipped", render: (skip) => skip.reason },
      ]}
    />
  );
}

/** The full import of the store's BigCommerce customers: start it, watch it, read what it skipped. */
export function CustomerImportPanel() {
  const imports = useApiData<{ items: CustomerImportDto[] }>("/api/v1/customer-imports");
  const action = useAdminAction();
  const latest = imports.data?.items[0] ?? null;
  const active = latest?.status === "QUEUED" || latest?.status === "RUNNING";
  const { reload } = imports;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [active, reload]);
  if (imports.error) return <Message type="error" messages={[{ text: imports.error }]} />;

  const start = async () => {
    await action.run(() => apiFetch("/api/v1/customer-imports", { method: "POST" }), "Import queued: it runs in the background, you may leave this page.");
    reload();
  };
  const cancel = async (id: string) => {
    await action.run(() => apiFetch(`/api/v1/customer-imports/${id}/cancel`, { method: "POST" }), "Import stopped; customers imported so far stay.");
    reload();
  };
  return (
    <Panel
      header="Customer import"
      description="Brings every BigCommerce customer into Tern through the field mapping below, within the store's API rate limit. It resumes by itself after a restart; webhooks and reconciliation keep customers in sync afterwards."
    >
      <ActionMessages state={action} onClose={action.clear} />
      {latest ? <Progress job={latest} /> : <Text>No import yet: Tern meets customers as their orders and messages arrive.</Text>}
      <Flex flexGap="0.5rem" marginTop="medium" marginBottom="medium">
        <Button onClick={start} disabled={active || action.pending} isLoading={action.pending && !active}>
          Import customers
        </Button>
        {active && latest ? (
          <Button variant="subtle" onClick={() => cancel(latest.id)} disabled={action.pending}>
            Stop import
          </Button>
        ) : null}
      </Flex>
      {latest && latest.skipped > 0 ? (
        <>
          <Text bold>Skipped records</Text>
          {/* Read again as more are skipped (a new key mounts it afresh). */}
          <SkipLog key={`${latest.id}:${latest.skipped}`} importId={latest.id} />
        </>
      ) : null}
    </Panel>
  );
}
