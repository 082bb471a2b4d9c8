import { getWebhookHealth, type WebhookHealth as BigcommerceWebhookHealth } from "@/lib/bigcommerce/webhooks/get-webhook-health.ts";
import type { Db } from "@/lib/db/client.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";
import type { MetricsRange } from "./metrics-range.ts";

export type SourceHealth = {
  source: InboundSource;
  received: number;
  processed: number;
  dead: number;
  /** Waiting or being retried right now (whatever the range). */
  backlog: number;
  retrying: number;
  lastReceivedAt: string | null;
  lastProcessedAt: string | null;
  status: "ok" | "degraded" | "idle";
};

/** Per-source counts for the dashboard's range, plus the BigCommerce health report (alerts, lag, refusals) of lib/bigcommerce. */
export type WebhookHealth = { sources: SourceHealth[]; bigcommerce: BigcommerceWebhookHealth };

const SOURCES: InboundSource[] = ["BIGCOMMERCE", "TELEGRAM"];

/**
 * Deliveries per source from the inbound event log (InboundEvent): received, processed and
 * dead-lettered in the range, the backlog now, and the last delivery and success; for BigCommerce
 * also the ingestion's own health report, whose alerts say when deliveries stopped.
 */
export async function webhookHealth(db: Db, input: { storeId: string; range: MetricsRange; now: Date }): Promise<WebhookHealth> {
  const { storeId, range } = input;
  const inRange = await db.$queryRaw<{ source: InboundSource; received: number; processed: number; dead: number }[]>`
    SELECT source::text AS source, count(*)::int AS received,
           count(*) FILTER (WHERE status = 'PROCESSED')::int AS processed,
           count(*) FILTER (WHERE status = 'DEAD')::int AS dead
    FROM "InboundEvent"
    WHERE "storeId" = ${storeId}::uuid AND "receivedAt" >= ${range.start}::timestamptz AND "receivedAt" < ${range.end}::timestamptz
    GROUP BY source`;
  const pending = await db.$queryRaw<{ source: InboundSource; backlog: number; retrying: number }[]>`
    SELECT source::text AS source, count(*)::int AS backlog, count(*) FILTER (WHERE status = 'FAILED')::int AS retrying
    FROM "InboundEvent"
    WHERE "storeId" = ${storeId}::uuid AND status IN ('PENDING', 'PROCESSING', 'FAILED')
    GROUP BY source`;
  const sources: SourceHealth[] = [];
  for (const source of SOURCES) {
    const last = await db.inboundEvent.findFirst({ where: { storeId, source }, orderBy: { receivedAt: "desc" }, select: { receivedAt: true } });
    const lastOk = await db.inboundEvent.findFirst({
      where: { storeId, source, status: "PROCESSED" },
      orderBy: { receivedAt: "desc" },
      select: { processedAt: true },
    });
    const counts = inRange.find((row) => row.source === source) ?? { received: 0, processed: 0, dead: 0 };
    const queue = pending.find((row) => row.source === source) ?? { backlog: 0, retrying: 0 };
    sources.push({
      source,
      received: counts.received,
      processed: counts.processed,
      dead: counts.dead,
      backlog: queue.backlog,
      retrying: queue.retrying,
      lastReceivedAt: last?.receivedAt.toISOString() ?? null,
      lastProcessedAt: lastOk?.processedAt?.toISOString() ?? null,
      status: counts.dead > 0 || queue.retrying > 0 ? "degraded" : counts.received === 0 ? "idle" : "ok",
    });
  }
  return { sources, bigcommerce: await getWebhookHealth(db, storeId, input.now) };
}
