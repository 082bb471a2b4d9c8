import type { Tx } from "@/lib/db/client.ts";
import type { StorePerson } from "./store-order-lookup.ts";
import type { TelegramIdentity } from "./telegram-identity.ts";

const customerSelect = { id: true, email: true, bigcommerceCustomerId: true, name: true } as const;

/**
 * Links a Telegram chat that proved an order (or an account) to the store's customer behind it.
 *
 * Only a BigCommerce customer id joins the chat to an existing customer: an order placed under an
 * account proves that account. A billing email proves nothing about its owner (BigCommerce does
 * not verify it: anyone can check out as a guest with someone else's email), so a guest order's
 * proof never moves the chat onto the customer Tern keeps under that email, nor writes the email
 * onto the chat's own record (where guest orders by that email would then be filed). An account's
 * email is filled in where no other customer of the store has it. Returns the customer id. Call
 * with the chat locked.
 */
export async function linkIdentityInTx(tx: Tx, storeId: string, identity: TelegramIdentity, person: StorePerson): Promise<string> {
  const own = identity.customer;
  const target =
    person.bigcommerceCustomerId !== null
      ? await tx.customer.findFirst({ where: { storeId, bigcommerceCustomerId: person.bigcommerceCustomerId }, select: customerSelect })
      : null;

  if (!target || target.id === own.id) {
    const fillEmail =
      own.email === null &&
      person.bigcommerceCustomerId !== null &&
      (await tx.customer.count({ where: { storeId, email: { equals: person.email, mode: "insensitive" }, id: { not: own.id } } })) === 0;
    await tx.customer.update({
      where: { id: own.id },
      data: {
        email: own.email ?? (fillEmail ? person.email : null),
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
    ...(target.name === null && person.name ? { name: person.name } : {}),
  };
  if (Object.keys(fill).length) await tx.customer.update({ where: { id: target.id }, data: fill, select: { id: true } });
  // Only a first-contact record is removed: never one that carries store data or another chat.
  await tx.customer.deleteMany({ where: { id: own.id, storeId, email: null, bigcommerceCustomerId: null, identities: { none: {} } } });
  return target.id;
}
