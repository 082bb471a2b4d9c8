import type { Tx } from "@/lib/db/client.ts";
import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";

export type BigcommerceCustomerRef = {
  /** BigCommerce's customer id; 0 or absent for guest checkouts. */
  bigcommerceCustomerId?: number | null;
  email?: string | null;
  name?: string | null;
};

export type LinkedCustomer = { id: string; tier: CustomerTier };

const select = { id: true, tier: true, bigcommerceCustomerId: true, name: true } as const;

function findById(tx: Tx, storeId: string, bigcommerceCustomerId: number) {
  return tx.customer.findUnique({ where: { storeId_bigcommerceCustomerId: { storeId, bigcommerceCustomerId } }, select });
}

function findByEmail(tx: Tx, storeId: string, email: string) {
  return tx.customer.findFirst({ where: { storeId, email: { equals: email, mode: "insensitive" } }, select, orderBy: { createdAt: "asc" } });
}

/**
 * The store's customer for a BigCommerce order or account: matched on the BigCommerce customer
 * id, else on email (a guest who later registers, or a Telegram customer who gave their email,
 * stays one customer), created only when neither matches. Concurrent calls for one new customer
 * create it once: the insert skips on either unique key and everyone reads the winner's row.
 */
export async function linkBigcommerceCustomerInTx(tx: Tx, storeId: string, ref: BigcommerceCustomerRef): Promise<LinkedCustomer | null> {
  const bigcommerceCustomerId = ref.bigcommerceCustomerId && ref.bigcommerceCustomerId > 0 ? ref.bigcommerceCustomerId : null;
  const email = ref.email?.trim().toLowerCase() || null;
  const name = ref.name?.trim() || null;

  const found = async () => (bigcommerceCustomerId ? await findById(tx, storeId, bigcommerceCustomerId) : null) ?? (email ? await findByEmail(tx, storeId, email) : null);

  let customer = await found();
  if (!customer) {
    if (!bigcommerceCustomerId && !email) return null;
    await tx.customer.createMany({ data: [{ storeId, bigcommerceCustomerId, email, name }], skipDuplicates: true });
    customer = await found();
    if (!customer) return null;
  }
  const patch: { bigcommerceCustomerId?: number; name?: string } = {};
  // Learn the BigCommerce id of a customer first met by email (guest order, Telegram intake).
  if (bigcommerceCustomerId && customer.bigcommerceCustomerId === null) patch.bigcommerceCustomerId = bigcommerceCustomerId;
  if (name && !customer.name) patch.name = name;
  if (Object.keys(patch).length) {
    // Guarded so a concurrent link of the same id is not overwritten (nor made to collide).
    await tx.customer.updateMany({
      where: { id: customer.id, storeId, ...(patch.bigcommerceCustomerId ? { bigcommerceCustomerId: null } : {}) },
      data: patch,
    });
  }
  return { id: customer.id, tier: customer.tier };
}
