import type { Db } from "@/lib/db/client.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { customerDtoSelect, toCustomerDto, type CustomerDto } from "./customer-dto.ts";

export type ListCustomersInput = { storeId: string; q?: string; tier?: CustomerTier; cursor?: string; limit?: number };

export type CustomerPage = { items: CustomerDto[]; nextCursor: string | null };

/** The store's customers, newest first (ids are time-ordered uuid v7, so the id is the cursor); `q` matches name, email or Telegram username. */
export async function listCustomers(db: Db, input: ListCustomersInput): Promise<CustomerPage> {
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 100);
  if (input.cursor !== undefined && !isUuid(input.cursor)) throw new AppError("BAD_REQUEST", "Invalid cursor");
  const where: Prisma.CustomerWhereInput = { storeId: input.storeId };
  if (input.tier) where.tier = input.tier;
  if (input.q) {
    where.OR = [
      { name: { contains: input.q, mode: "insensitive" } },
      { email: { contains: input.q, mode: "insensitive" } },
      { identities: { some: { username: { contains: input.q.replace(/^@/, ""), mode: "insensitive" } } } },
    ];
  }
  if (input.cursor) where.id = { lt: input.cursor };
  const rows = await db.customer.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select: customerDtoSelect });
  const page = rows.slice(0, limit);
  return { items: page.map(toCustomerDto), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
