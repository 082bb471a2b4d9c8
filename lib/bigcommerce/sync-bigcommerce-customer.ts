import type { Db } from "@/lib/db/client.ts";
import { bigcommerceClientForStore } from "./bigcommerce-client-for-store.ts";
import { linkBigcommerceCustomerInTx } from "./link-bigcommerce-customer.ts";

/**
 * store/customer/created|updated: brings the customer's name (and, when nobody else in the store
 * has it, a changed email) into Tern's customer, creating or linking it by BigCommerce id or email
 * so the customer's later orders and Telegram messages meet one record. No API access: nothing to do.
 */
export async function syncBigcommerceCustomer(db: Db, storeId: string, bigcommerceCustomerId: number): Promise<void> {
  const client = await bigcommerceClientForStore(db, storeId);
  if (!client) return;
  const [account] = await client.getCustomers({ ids: [bigcommerceCustomerId] });
  if (!account) return;
  const name = [account.first_name, account.last_name].filter(Boolean).join(" ").trim() || null;
  const email = account.email?.trim().toLowerCase() || null;
  await db.$transaction(async (tx) => {
    const customer = await linkBigcommerceCustomerInTx(tx, storeId, { bigcommerceCustomerId, email, name });
    if (!customer) return;
    const taken = email ? await tx.customer.findFirst({ where: { storeId, email: { equals: email, mode: "insensitive" }, id: { not: customer.id } }, select: { id: true } }) : null;
    await tx.customer.updateMany({ where: { id: customer.id, storeId }, data: { ...(name ? { name } : {}), ...(email && !taken ? { email } : {}) } });
  });
}
