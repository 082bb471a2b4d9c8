import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client.ts";
import { createCustomer, createStore } from "@/lib/testing/factories.ts";
import { linkBigcommerceCustomerInTx, linkBigcommerceCustomersInTx, type BigcommerceCustomerRef } from "./link-bigcommerce-customer.ts";

async function customersOf(storeId: string) {
  return db().customer.findMany({ where: { storeId }, orderBy: { email: "asc" }, select: { email: true, name: true, bigcommerceCustomerId: true } });
}

describe("linkBigcommerceCustomersInTx", () => {
  it("links many buyers as linking them one after another would, with every lesson kept", async () => {
    const refs: BigcommerceCustomerRef[] = [
      // A guest order names the known customer first, then the same person's account does.
      { email: "Known@Example.com", name: "Known Person" },
      { bigcommerceCustomerId: 5, email: "known@example.com", name: "Known Person" },
      { email: "new@example.com", name: "New Buyer" },
      { email: "NEW@example.com", name: "Someone Else" },
      { bigcommerceCustomerId: 7, email: "account@example.com", name: null },
      { email: null, name: "No way to find them" },
    ];
    const [oneByOne, together] = [await createStore(), await createStore()];
    for (const store of [oneByOne, together]) await createCustomer(store.id, { email: "known@example.com", name: null });

    const sequential = [];
    for (const ref of refs) sequential.push(await db().$transaction((tx) => linkBigcommerceCustomerInTx(tx, oneByOne.id, ref)));
    const batched = await db().$transaction((tx) => linkBigcommerceCustomersInTx(tx, together.id, refs));

    expect(await customersOf(together.id)).toEqual(await customersOf(oneByOne.id));
    expect(await customersOf(together.id)).toEqual([
      { email: "account@example.com", name: null, bigcommerceCustomerId: 7 },
      { email: "known@example.com", name: "Known Person", bigcommerceCustomerId: 5 },
      { email: "new@example.com", name: "New Buyer", bigcommerceCustomerId: null },
    ]);
    // The same customer for the same person, and nobody for a ref with neither id nor email.
    const shape = (linked: ({ id: string } | null)[]) => linked.map((customer) => (customer ? linked.findIndex((other) => other?.id === customer.id) : null));
    expect(shape(batched)).toEqual(shape(sequential));
    expect(shape(batched)).toEqual([0, 0, 2, 2, 4, null]);
  });
});
