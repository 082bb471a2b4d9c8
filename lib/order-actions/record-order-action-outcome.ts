import type { Tx } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { OrderActionStatus } from "@/lib/generated/prisma/enums.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { recordMessagesAddedInTx } from "@/lib/tickets/ticket-change.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { orderActionDtoSelect, toOrderActionDto, type OrderActionDto } from "./order-action-dto.ts";

export type OrderActionOutcome = { action: OrderActionDto; activity: MessageDto };

/**
 * Every order action leaves the same three traces, in one transaction: the action row's new state,
 * an audit entry, and an activity line in the ticket's thread (with its event).
 */
export async function recordOrderActionOutcomeInTx(
  tx: Tx,
  input: {
    storeId: string;
    actionId: string;
    actorId: string | null;
    data: Prisma.OrderActionUpdateInput & { status: OrderActionStatus };
    audit: { action: string; detail: Prisma.InputJsonObject };
    activity: string;
  },
): Promise<OrderActionOutcome> {
  const row = await tx.orderAction.update({ where: { id: input.actionId, storeId: input.storeId }, data: input.data, select: orderActionDtoSelect });
  await tx.auditLog.create({
    data: { storeId: input.storeId, actorId: input.actorId, action: input.audit.action, targetType: "OrderAction", targetId: row.id, detail: { ticketId: row.ticketId, orderId: row.bigcommerceOrderId, ...input.audit.detail } },
  });
  const activity = await createActivityInTx(tx, {
    storeId: input.storeId,
    ticketId: row.ticketId,
    actorId: input.actorId,
    body: input.activity,
    meta: { type: "order_action", actionId: row.id, kind: row.kind, status: row.status },
  });
  await recordMessagesAddedInTx(tx, input.storeId, [activity]);
  return { action: toOrderActionDto(row), activity };
}
