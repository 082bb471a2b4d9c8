import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { OrderActionKind } from "@/lib/generated/prisma/enums.ts";

// A RUNNING action whose process died never settles; after this long it no longer blocks the order.
const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Serialises actions on one order (BigCommerce allows one refund at a time per order): holds a
 * transaction-scoped advisory lock on the order, then refuses while another action of this kind
 * is still running.
 */
export async function lockOrderForActionInTx(tx: Tx, input: { storeId: string; orderId: number; kind: OrderActionKind; now: Date }): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`order-action:${input.storeId}:${input.orderId}`}, 0))`;
  const running = await tx.orderAction.findFirst({
    where: { storeId: input.storeId, bigcommerceOrderId: input.orderId, kind: input.kind, status: "RUNNING", updatedAt: { gt: new Date(input.now.getTime() - STALE_AFTER_MS) } },
    select: { requestedBy: { select: { name: true } } },
  });
  if (running) {
    const who = running.requestedBy?.name ? ` (started by ${running.requestedBy.name})` : "";
    throw new AppError("CONFLICT", `Another ${input.kind === "REFUND" ? "refund" : "action"} on order #${input.orderId} is in progress${who}: wait for it to finish`);
  }
}
