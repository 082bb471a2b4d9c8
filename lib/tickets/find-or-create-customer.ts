import type { Tx } from "@/lib/db/client.ts";
import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";

export type TicketCustomer = { id: string; tier: CustomerTier };

const customerSelect = { id: true, tier: true } as const;

function findByEmail(tx: Tx, storeId: string, email: string) {
  return tx.customer.findFirst({
    where: { storeId, email: { equals: email, mode: "insensitive" } },
    select: customerSelect,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * The store's customer with this email (case-insensitive), created when missing. Without an
 * email there is nothing to match on, so a name alone makes a new customer.
 */
export async function findOrCreateCustomerInTx(tx: Tx, storeId: string, input: { email?: string; name?: string }): Promise<TicketCustomer | null> {
  const email = input.email?.trim().toLowerCase() || undefined;
  const name = input.name?.trim() || null;
  if (!email) {
    return name ? tx.customer.create({ data: { storeId, name }, select: customerSelect }) : null;
  }
  const existing = await findByEmail(tx, storeId, email);
  if (existing) return existing;
  // ON CONFLICT DO NOTHING: a concurrent creation of the same customer must not abort this
  // transaction with a unique violation; whoever won, the row is there to read afterwards.
  await tx.customer.createMany({ data: [{ storeId, email, name }], skipDuplicates: true });
  return findByEmail(tx, storeId, email);
}
