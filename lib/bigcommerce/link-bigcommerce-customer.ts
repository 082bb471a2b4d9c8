import type { Tx } from "@/lib/db/client.ts";
import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";

export type BigcommerceCustomerRef = {
  /** BigCommerce's customer id; 0 or absent for guest checkouts. */
  bigcommerceCustomerId?: number | null;
  email?: string | null;
  name?: string | null;
};

export type LinkedCustomer = { id: string; tier: CustomerTier; region: string | null };

type CustomerRow = LinkedCustomer & { bigcommerceCustomerId: number | null; email: string | null; name: string | null };

const select = { id: true, tier: true, region: true, bigcommerceCustomerId: true, email: true, name: true } as const;

type Wanted = { bigcommerceCustomerId: number | null; email: string | null; name: string | null };

function wanted(ref: BigcommerceCustomerRef): Wanted {
  return {
    bigcommerceCustomerId: ref.bigcommerceCustomerId && ref.bigcommerceCustomerId > 0 ? ref.bigcommerceCustomerId : null,
    email: ref.email?.trim().toLowerCase() || null,
    name: ref.name?.trim() || null,
  };
}

/** The store's customers matching any of the refs by BigCommerce id or (case-insensitively) email, oldest first. */
async function findCustomers(tx: Tx, storeId: string, refs: readonly Wanted[]): Promise<CustomerRow[]> {
  const ids = [...new Set(refs.map((ref) => ref.bigcommerceCustomerId).filter((id): id is number => id !== null))];
  const emails = [...new Set(refs.map((ref) => ref.email).filter((email): email is string => email !== null))];
  if (ids.length === 0 && emails.length === 0) return [];
  return tx.customer.findMany({
    where: {
      storeId,
      OR: [...(ids.length ? [{ bigcommerceCustomerId: { in: ids } }] : []), ...emails.map((email) => ({ email: { equals: email, mode: "insensitive" as const } }))],
    },
    select,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

function match(rows: readonly CustomerRow[], ref: Wanted): CustomerRow | undefined {
  return (
    (ref.bigcommerceCustomerId !== null ? rows.find((row) => row.bigcommerceCustomerId === ref.bigcommerceCustomerId) : undefined) ??
    (ref.email !== null ? rows.find((row) => row.email?.toLowerCase() === ref.email) : undefined)
  );
}

/**
 * The store's customers for BigCommerce orders or accounts, one per ref (null for a ref with
 * neither id nor email): matched on the BigCommerce customer id, else on email (a guest who later
 * registers, or a Telegram customer who gave their email, stays one customer), created only when
 * neither matches. One read, one insert of the missing and one read again, whatever the count (a
 * burst of new orders links its buyers together). Concurrent calls for one new customer create it
 * once: the insert skips on either unique key and everyone reads the winner's row.
 */
export async function linkBigcommerceCustomersInTx(tx: Tx, storeId: string, refs: readonly BigcommerceCustomerRef[]): Promise<(LinkedCustomer | null)[]> {
  const asked = refs.map(wanted);
  let rows = await findCustomers(tx, storeId, asked);
  // Sorted, so two bursts inserting the same new buyers wait for each other instead of deadlocking.
  const missing = asked
    .filter((ref) => (ref.bigcommerceCustomerId !== null || ref.email !== null) && !match(rows, ref))
    .sort((a, b) => (a.email ?? "").localeCompare(b.email ?? "") || (a.bigcommerceCustomerId ?? 0) - (b.bigcommerceCustomerId ?? 0));
  if (missing.length) {
    await tx.customer.createMany({ data: missing.map((ref) => ({ storeId, ...ref })), skipDuplicates: true });
    rows = await findCustomers(tx, storeId, asked);
  }
  // What each ref teaches its customer, as if the refs came one after another (a later one sees an
  // earlier one's lesson), written once per customer.
  const patches = new Map<string, { bigcommerceCustomerId?: number; name?: string }>();
  const linked = asked.map((ref) => {
    const customer = match(rows, ref);
    if (!customer) return null;
    const patch = patches.get(customer.id) ?? {};
    // Learn the BigCommerce id of a customer first met by email (guest order, Telegram intake).
    if (ref.bigcommerceCustomerId && customer.bigcommerceCustomerId === null) {
      patch.bigcommerceCustomerId = customer.bigcommerceCustomerId = ref.bigcommerceCustomerId;
    }
    if (ref.name && !customer.name) patch.name = customer.name = ref.name;
    if (Object.keys(patch).length) patches.set(customer.id, patch);
    return { id: customer.id, tier: customer.tier, region: customer.region };
  });
  for (const [id, patch] of [...patches].sort(([a], [b]) => a.localeCompare(b))) {
    // Guarded so a concurrent link of the same id is not overwritten (nor made to collide).
    await tx.customer.updateMany({ where: { id, storeId, ...(patch.bigcommerceCustomerId ? { bigcommerceCustomerId: null } : {}) }, data: patch });
  }
  return linked;
}

/** One customer (linkBigcommerceCustomersInTx for a single ref). */
export async function linkBigcommerceCustomerInTx(tx: Tx, storeId: string, ref: BigcommerceCustomerRef): Promise<LinkedCustomer | null> {
  const [customer] = await linkBigcommerceCustomersInTx(tx, storeId, [ref]);
  return customer ?? null;
}
