import type { Tx } from "@/lib/db/client.ts";
import type { StorePerson } from "./store-order-lookup.ts";
import type { TelegramIdentity } from "./telegram-identity.ts";

const customerSelect = { id: true, email: true, bigcommerceCustomerId: true, name: true } as const;

async function findStoreCustomer(tx: Tx, storeId: string, person: StorePerson) {
  if (person.bigcommerceCustomerId !== null) {
    const byId = await tx.customer.findFirst({ where: { storeId, bigcommerceCustomerId: person.bigcommerceCustomerId }, select: customerSelect });
    if (byId) return byId;
  }
  return tx.customer.findFirst({
    where: { storeId, email: { equals: person.email, mode: "insensitive" } },
    select: customerSelect,
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Links a Telegram chat to the store's customer that intake found. When Tern already knows that
 * customer (from an order webhook, or another chat), the chat moves over to them, with anything
 * its first-contact record gathered, and that record goes; otherwise the first-contact record
 * becomes the customer. Returns the customer id. Call with the chat locked.
 */
export async function linkIdentityInTx(tx: Tx, storeId: string, identity: TelegramIdentity, person: StorePerson): Promise<string> {
  const own = identity.customer;
  const target = await findStoreCustomer(tx, storeId, person);

  if (!target || target.id === own.id) {
    await tx.customer.update({
      where: { id: own.id },
      data: {
        email: own.email ?? person.email,
        bigcommerceCustomerId: own.bigcommerceCustomerId ?? person.bigcommerceCustomerId,
        // The store's name for them is what agents search by; the Telegram name stays on the identity.
        name: person.name ?? own.name,
      },
      select: { id: true },
    });
    return own.id;
  }

  await tx.channelIdentity.update({ where: { id: identity.id }, data: { customerId: target.id }, select: { id: true } });
  await tx.ticket.updateMany({ where: { storeId, customerId: own.id }, data: { customerId: target.id } });
  await tx.orderSnapshot.updateMany({ where: { storeId, customerId: own.id }, data: { customerId: target.id } });
  const fill = {
    ...(target.bigcommerceCustomerId === null && person.bigcommerceCustomerId !== null ? { bigcommerceCustomerId: person.bigcommerceCustomerId } : {}),
    ...(target.email === null ? { email: person.email } : {}),
    ...(target.name === null && person.name ? { name: person.name } : {}),
  };
  if (Object.keys(fill).length) await tx.customer.update({ where: { id: target.id }, data: fill, select: { id: true } });
  // Only a first-contact record is removed: never one that carries store data or another chat.
  await tx.customer.deleteMany({ where: { id: own.id, storeId, email: null, bigcommerceCustomerId: null, identities: { none: {} } } });
  return target.id;
}
