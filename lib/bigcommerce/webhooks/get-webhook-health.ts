import type { Db } from "@/lib/db/client.ts";
import type { StoreStatus } from "@/lib/generated/prisma/enums.ts";

export type WebhookHealth = {
  storeStatus: StoreStatus;
  lastDeliveryAt: string | null;
  lastProcessedAt: string | null;
  deliveries: { lastHour: number; last24Hours: number };
  failures: {
    /** Failed at least once, waiting for their next attempt. */
    retrying: number;
    /** Dead letters no one has turned into a ticket yet. */
    deadLetters: number;
    /** Deliveries refused for a missing or wrong secret/signature. */
    rejected: number;
    lastRejectedAt: string | null;
  };
  backlog: { waiting: number; oldestWaitingSince: string | null };
  /** Receipt → processed, over the last 200 processed events (milliseconds). */
  processingLagMs: { p50: number | null; p95: number | null };
  deliveryExceptions: { last7Days: number; latest: { at: string; errorCode: string | null; message: string | null } | null };
  reconciliation: { lastRunAt: string | null; missedEventsRecovered24Hours: number };
  alerts: string[];
};

// Without deliveries for this long, while the store had them before, deliveries have probably stopped.
const SILENCE_ALERT_MS = 6 * 60 * 60_000;
const BACKLOG_ALERT_MS = 5 * 60_000;

type Counts = {
  last_delivery: Date | null;
  last_processed: Date | null;
  last_hour: bigint;
  last_day: bigint;
  retrying: bigint;
  dead: bigint;
  waiting: bigint;
  oldest_waiting: Date | null;
  recovered: bigint;
};

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `${minutes} minutes` : `${Math.round(minutes / 60)} hours`;
}

/**
 * Webhook health for one store (admin pages): deliveries, failures, BigCommerce's own
 * deliveryException reports, processing lag, and alerts when something needs a human, above all
 * when deliveries stop.
 */
export async function getWebhookHealth(db: Db, storeId: string, now = new Date()): Promise<WebhookHealth> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { status: true, webhookRejectedCount: true, webhookLastRejectedAt: true, lastReconciledAt: true, webhooksRegisteredAt: true },
  });
  const reconcilePrefix = `bigcommerce:${storeId}:reconcile:%`;
  const [counts] = await db.$queryRaw<Counts[]>`
    SELECT
      max("receivedAt") FILTER (WHERE "dedupeKey" NOT LIKE ${reconcilePrefix}) AS last_delivery,
      max("processedAt") AS last_processed,
      count(*) FILTER (WHERE "receivedAt" > ${now}::timestamptz - interval '1 hour' AND "dedupeKey" NOT LIKE ${reconcilePrefix}) AS last_hour,
      count(*) FILTER (WHERE "receivedAt" > ${now}::timestamptz - interval '24 hours' AND "dedupeKey" NOT LIKE ${reconcilePrefix}) AS last_day,
      count(*) FILTER (WHERE status = 'FAILED') AS retrying,
      count(*) FILTER (WHERE status = 'DEAD' AND "manualTicketId" IS NULL) AS dead,
      count(*) FILTER (WHERE status IN ('PENDING', 'PROCESSING', 'FAILED')) AS waiting,
      min("receivedAt") FILTER (WHERE status IN ('PENDING', 'PROCESSING', 'FAILED')) AS oldest_waiting,
      count(*) FILTER (WHERE "receivedAt" > ${now}::timestamptz - interval '24 hours' AND "dedupeKey" LIKE ${reconcilePrefix}) AS recovered
    FROM "InboundEvent"
    WHERE "storeId" = ${storeId}::uuid AND source = 'BIGCOMMERCE'`;
  const [lag] = await db.$queryRaw<{ p50: number | null; p95: number | null }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
    FROM (
      SELECT extract(epoch FROM ("processedAt" - "receivedAt")) * 1000 AS ms
      FROM "InboundEvent"
      WHERE "storeId" = ${storeId}::uuid AND source = 'BIGCOMMERCE' AND status = 'PROCESSED' AND "processedAt" IS NOT NULL
      ORDER BY "processedAt" DESC
      LIMIT 200
    ) recent`;
  const exceptions = await db.inboundEvent.findMany({
    where: { storeId, source: "BIGCOMMERCE", kind: "store/hook/deliveryException", receivedAt: { gt: new Date(now.getTime() - 7 * 24 * 60 * 60_000) } },
    orderBy: { receivedAt: "desc" },
    select: { receivedAt: true, payload: true },
  });
  const latestData = (exceptions[0]?.payload as { data?: { error_code?: unknown; message?: unknown } } | undefined)?.data;
  const latestException = exceptions[0]
    ? {
        at: exceptions[0].receivedAt.toISOString(),
        errorCode: latestData?.error_code === undefined ? null : String(latestData.error_code),
        message: typeof latestData?.message === "string" ? latestData.message : null,
      }
    : null;

  const count = (value: bigint | undefined) => Number(value ?? 0);
  const health: WebhookHealth = {
    storeStatus: store.status,
    lastDeliveryAt: iso(counts?.last_delivery),
    lastProcessedAt: iso(counts?.last_processed),
    deliveries: { lastHour: count(counts?.last_hour), last24Hours: count(counts?.last_day) },
    failures: { retrying: count(counts?.retrying), deadLetters: count(counts?.dead), rejected: store.webhookRejectedCount, lastRejectedAt: iso(store.webhookLastRejectedAt) },
    backlog: { waiting: count(counts?.waiting), oldestWaitingSince: iso(counts?.oldest_waiting) },
    processingLagMs: { p50: lag?.p50 === null || lag?.p50 === undefined ? null : Math.round(lag.p50), p95: lag?.p95 === null || lag?.p95 === undefined ? null : Math.round(lag.p95) },
    deliveryExceptions: { last7Days: exceptions.length, latest: latestException },
    reconciliation: { lastRunAt: iso(store.lastReconciledAt), missedEventsRecovered24Hours: count(counts?.recovered) },
    alerts: [],
  };

  const alerts = health.alerts;
  if (store.status === "NEEDS_REAUTH") alerts.push("BigCommerce refused Tern's access token: reinstall or re-authorise the app for this store.");
  if (counts?.last_delivery && now.getTime() - counts.last_delivery.getTime() > SILENCE_ALERT_MS) {
    alerts.push(`No webhook has arrived for ${duration(now.getTime() - counts.last_delivery.getTime())}: deliveries may have stopped (check the hooks in BigCommerce).`);
  }
  // An exception from before the hooks were last registered was answered by that registration.
  const unanswered = latestException && !(store.webhooksRegisteredAt && exceptions[0]!.receivedAt <= store.webhooksRegisteredAt) ? latestException : null;
  if (unanswered?.errorCode === "90002") alerts.push("BigCommerce gave up delivering and disabled a webhook (90002): re-register the store's webhooks.");
  else if (unanswered?.errorCode === "90003") alerts.push("BigCommerce blocked deliveries to Tern's domain for a while (90003).");
  if (health.reconciliation.missedEventsRecovered24Hours > 0) {
    alerts.push(`Reconciliation found ${health.reconciliation.missedEventsRecovered24Hours} order change(s) in 24 hours whose webhooks never arrived.`);
  }
  if (health.failures.deadLetters > 0) alerts.push(`${health.failures.deadLetters} event(s) could not be processed: see the dead letters.`);
  if (counts?.oldest_waiting && now.getTime() - counts.oldest_waiting.getTime() > BACKLOG_ALERT_MS) {
    alerts.push(`Processing is behind: the oldest waiting event arrived ${duration(now.getTime() - counts.oldest_waiting.getTime())} ago.`);
  }
  return health;
}
