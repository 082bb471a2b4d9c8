import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import type { OrderActionStatus } from "@/lib/generated/prisma/enums.ts";
import { orderActionDtoSelect, toOrderActionDto, type OrderActionDto } from "./order-action-dto.ts";

/** A ticket's order actions, newest first; or the store's actions in one status (refunds awaiting approval). */
export async function listOrderActions(db: Db, input: { storeId: string; ticketId?: string; status?: OrderActionStatus }): Promise<OrderActionDto[]> {
  if (input.ticketId) {
    if (!isUuid(input.ticketId)) throw new AppError("NOT_FOUND", "Ticket not found");
    const ticket = await db.ticket.findFirst({ where: { id: input.ticketId, storeId: input.storeId }, select: { id: true } });
    if (!ticket) throw new AppError("NOT_FOUND", "Ticket not found");
  }
  const rows = await db.orderAction.findMany({
    where: { storeId: input.storeId, ...(input.ticketId ? { ticketId: input.ticketId } : {}), ...(input.status ? { status: input.status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: orderActionDtoSelect,
  });
  return rows.map(toOrderActionDto);
}
