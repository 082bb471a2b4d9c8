import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { customerDtoSelect, toCustomerDto, type CustomerDto } from "./customer-dto.ts";

export type CustomerDetail = {
  customer: CustomerDto;
  tickets: { id: string; number: number; subject: string; status: TicketStatus; updatedAt: string }[];
  orders: { orderId: number; status: string | null; total: string | null; currency: string | null; fetchedAt: string }[];
};

const RELATED_LIMIT = 50;

/** A customer with their latest tickets and orders (as last read from BigCommerce). */
export async function getCustomer(db: Db, input: { storeId: string; customerId: string }): Promise<CustomerDetail> {
  const { storeId, customerId } = input;
  const row = isUuid(customerId) ? await db.customer.findFirst({ where: { id: customerId, storeId }, select: customerDtoSelect }) : null;
  if (!row) throw new AppError("NOT_FOUND", "Customer not found");
  const [tickets, orders] = await Promise.all([
    db.ticket.findMany({
      where: { storeId, customerId },
      orderBy: { updatedAt: "desc" },
      take: RELATED_LIMIT,
      select: { id: true, number: true, subject: true, status: true, updatedAt: true },
    }),
    db.orderSnapshot.findMany({
      where: { storeId, customerId },
      orderBy: { bigcommerceOrderId: "desc" },
      take: RELATED_LIMIT,
      select: { bigcommerceOrderId: true, status: true, totalIncTax: true, currency: true, fetchedAt: true },
    }),
  ]);
  return {
    customer: toCustomerDto(row),
    tickets: tickets.map((ticket) => ({ ...ticket, updatedAt: ticket.updatedAt.toISOString() })),
    orders: orders.map((order) => ({
      orderId: order.bigcommerceOrderId,
      status: order.status,
      total: order.totalIncTax?.toFixed(2) ?? null,
      currency: order.currency,
      fetchedAt: order.fetchedAt.toISOString(),
    })),
  };
}
