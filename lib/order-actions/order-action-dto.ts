import type { OrderActionKind, OrderActionStatus } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

export type OrderActionDto = {
  id: string;
  ticketId: string;
  orderId: number;
  kind: OrderActionKind;
  status: OrderActionStatus;
  amount: string | null;
  items: unknown;
  reason: string | null;
  requestedBy: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  result: unknown;
  error: string | null;
  createdAt: string;
  updatedAt: string;
};

export const orderActionDtoSelect = {
  id: true,
  ticketId: true,
  bigcommerceOrderId: true,
  kind: true,
  status: true,
  amount: true,
  items: true,
  reason: true,
  requestedBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
  decidedAt: true,
  result: true,
  error: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.OrderActionSelect;

type Row = Prisma.OrderActionGetPayload<{ select: typeof orderActionDtoSelect }>;

export function toOrderActionDto(row: Row): OrderActionDto {
  return {
    id: row.id,
    ticketId: row.ticketId,
    orderId: row.bigcommerceOrderId,
    kind: row.kind,
    status: row.status,
    amount: row.amount === null ? null : row.amount.toFixed(2),
    items: row.items,
    reason: row.reason,
    requestedBy: row.requestedBy,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    result: row.result,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
