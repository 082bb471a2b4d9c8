import type { Tx } from "@/lib/db/client.ts";
import type { TernRefunds } from "./order-news.ts";

// A refund's webhook and status change follow the refund within seconds; a Tern refund older than
// this is not what a new refund status is about.
const RECENT_MS = 15 * 60_000;

/**
 * The refunds Tern issued on an order lately (lib/order-actions/run-refund.ts): the ids BigCommerce
 * gave the ones that succeeded, whether one is running (its webhook can arrive before Tern has
 * recorded the answer), and whether there was any at all.
 */
export async function readTernRefundsInTx(tx: Tx, input: { storeId: string; orderId: number; now: Date }): Promise<TernRefunds> {
  const rows = await tx.orderAction.findMany({
    where: { storeId: input.storeId, bigcommerceOrderId: input.orderId, kind: "REFUND", status: { in: ["RUNNING", "SUCCEEDED"] }, updatedAt: { gte: new Date(input.now.getTime() - RECENT_MS) } },
    select: { status: true, result: true },
  });
  const refundIds = new Set<string>();
  for (const row of rows) {
    const refundId = (row.result as { refundId?: unknown } | null)?.refundId;
    if (row.status === "SUCCEEDED" && (typeof refundId === "number" || typeof refundId === "string")) refundIds.add(String(refundId));
  }
  return { refundIds, running: rows.some((row) => row.status === "RUNNING"), recent: rows.length > 0 };
}
