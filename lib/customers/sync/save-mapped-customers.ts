import type { Tx } from "@/lib/db/client.ts";
import type { CustomerMapping } from "./customer-mapping.ts";
import type { MappedCustomer } from "./map-bigcommerce-customer.ts";

export type SaveSkip = { bigcommerceCustomerId: number; reason: string };

export type SaveResult = { saved: number; skips: SaveSkip[] };

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code)}` : String(error);
  return /23505|P2002|unique/i.test(text);
}

type Known = { id: string; bigcommerceCustomerId: number | null; email: string | null };

async function findKnown(tx: Tx, storeId: string, accounts: readonly MappedCustomer[]): Promise<Known[]> {
  const ids = accounts.map((account) => account.bigcommerceCustomerId);
  const emails = accounts.map((account) => account.email);
  // Exact email match: Tern stores emails lowercased (as mapped ones are), and the unique index answers it.
  return tx.customer.findMany({
    where: { storeId, OR: [{ bigcommerceCustomerId: { in: ids } }, { email: { in: emails } }] },
    select: { id: true, bigcommerceCustomerId: true, email: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

function matchKnown(rows: readonly Known[], account: MappedCustomer): Known | undefined {
  return rows.find((row) => row.bigcommerceCustomerId === account.bigcommerceCustomerId) ?? rows.find((row) => row.email === account.email);
}

type Linked = { rows: Array<Known | undefined>; created: Set<string> };

/**
 * The customer each account belongs to, by BigCommerce id, else by email (learning the id), made
 * when neither is known: made with every mapped field at once, so a fresh import writes each
 * customer once. The insert skips on either unique key, so a webhook linking the same account at
 * the same moment leaves one customer (read back afterwards).
 */
async function linkAccountsInTx(tx: Tx, storeId: string, accounts: readonly MappedCustomer[], mapping: CustomerMapping, now: Date): Promise<Linked> {
  let rows = await findKnown(tx, storeId, accounts);
  const missing = accounts.filter((account) => !matchKnown(rows, account));
  const created = new Set<string>();
  if (missing.length) {
    const inserted = await tx.customer.createManyAndReturn({
      data: missing.map((account) => ({
        storeId,
        bigcommerceCustomerId: account.bigcommerceCustomerId,
        email: account.email,
        name: mapping.name ? account.name : null,
        phone: mapping.phone ? account.phone : null,
        ...(account.tier ? { tier: account.tier } : {}),
        region: mapping.region ? account.region : null,
        customFields: account.customFields,
        bigcommerceSyncedAt: now,
      })),
      skipDuplicates: true,
      select: { id: true, bigcommerceCustomerId: true, email: true },
    });
    for (const row of inserted) created.add(row.id);
    // Some were inserted meanwhile by someone else: read them back.
    rows = inserted.length === missing.length ? [...rows, ...inserted] : await findKnown(tx, storeId, accounts);
  }
  const learn = accounts
    .map((account) => ({ account, row: matchKnown(rows, account) }))
    .filter(({ account, row }) => row && row.bigcommerceCustomerId === null && !rows.some((other) => other.bigcommerceCustomerId === account.bigcommerceCustomerId));
  for (const { account, row } of learn) {
    // Guarded: a concurrent link may have taught it already.
    await tx.customer.updateMany({ where: { id: row!.id, storeId, bigcommerceCustomerId: null }, data: { bigcommerceCustomerId: account.bigcommerceCustomerId } });
    row!.bigcommerceCustomerId = account.bigcommerceCustomerId;
  }
  return { rows: accounts.map((account) => matchKnown(rows, account)), created };
}

/**
 * Brings a page of mapped BigCommerce accounts into Tern's customers in the caller's transaction:
 * each is linked to the customer already known by its BigCommerce id or email (a buyer first met on
 * an order or in Telegram stays one customer), created otherwise, then given the mapped fields in
 * one statement. A field the mapping leaves out keeps what Tern has; an email another customer
 * already holds is not taken from them. Two accounts of one page that land on the same customer
 * keep the first, and the second is reported as skipped.
 */
export async function saveMappedCustomersInTx(tx: Tx, storeId: string, accounts: readonly MappedCustomer[], mapping: CustomerMapping, now: Date): Promise<SaveResult> {
  const skips: SaveSkip[] = [];
  const seenEmails = new Map<string, number>();
  const seenIds = new Set<number>();
  const unique: MappedCustomer[] = [];
  for (const account of accounts) {
    const earlier = seenEmails.get(account.email);
    if (seenIds.has(account.bigcommerceCustomerId)) skips.push({ bigcommerceCustomerId: account.bigcommerceCustomerId, reason: "Listed twice" });
    else if (earlier !== undefined) skips.push({ bigcommerceCustomerId: account.bigcommerceCustomerId, reason: `Same email as BigCommerce customer ${earlier}` });
    else {
      seenEmails.set(account.email, account.bigcommerceCustomerId);
      seenIds.add(account.bigcommerceCustomerId);
      unique.push(account);
    }
  }
  if (unique.length === 0) return { saved: 0, skips };

  const { rows: linked, created } = await linkAccountsInTx(tx, storeId, unique, mapping, now);
  const rows: Array<{ id: string; account: MappedCustomer }> = [];
  let saved = 0;
  const owners = new Map<string, number>();
  unique.forEach((account, index) => {
    const customer = linked[index];
    if (!customer) return;
    // Met by email, but that customer is another BigCommerce account's: not merged into it.
    if (customer.bigcommerceCustomerId !== null && customer.bigcommerceCustomerId !== account.bigcommerceCustomerId) {
      skips.push({ bigcommerceCustomerId: account.bigcommerceCustomerId, reason: `Same email as BigCommerce customer ${customer.bigcommerceCustomerId}` });
      return;
    }
    const owner = owners.get(customer.id);
    if (owner !== undefined) {
      skips.push({ bigcommerceCustomerId: account.bigcommerceCustomerId, reason: `Matches the same Tern customer as BigCommerce customer ${owner}` });
      return;
    }
    owners.set(customer.id, account.bigcommerceCustomerId);
    saved += 1;
    // Made just now with every mapped field: nothing to update.
    if (!created.has(customer.id)) rows.push({ id: customer.id, account });
  });
  if (rows.length === 0) return { saved, skips };

  const column = <T>(pick: (account: MappedCustomer) => T) => rows.map((row) => pick(row.account));
  const ids = rows.map((row) => row.id);
  const names = column((account) => account.name);
  const emails = column((account) => account.email);
  const phones = column((account) => account.phone);
  const tiers = column((account) => account.tier ?? null);
  const regions = column((account) => account.region);
  const fields = column((account) => JSON.stringify(account.customFields));
  const update = (changeEmails: boolean) => tx.$executeRaw`
    UPDATE "Customer" AS c SET
      name = CASE WHEN ${mapping.name !== null}::boolean THEN COALESCE(v.name, c.name) ELSE c.name END,
      email = CASE
        WHEN NOT ${changeEmails}::boolean OR c.email IS NOT DISTINCT FROM v.email THEN c.email
        WHEN EXISTS (SELECT 1 FROM "Customer" AS o WHERE o."storeId" = c."storeId" AND o.email = v.email AND o.id <> c.id) THEN c.email
        ELSE v.email END,
      phone = CASE WHEN ${mapping.phone !== null}::boolean THEN v.phone ELSE c.phone END,
      tier = COALESCE(v.tier::"CustomerTier", c.tier),
      region = CASE WHEN ${mapping.region !== null}::boolean THEN v.region ELSE c.region END,
      "customFields" = v.fields,
      "bigcommerceDeletedAt" = NULL,
      "bigcommerceSyncedAt" = ${now}::timestamptz,
      "updatedAt" = ${now}::timestamptz
    FROM unnest(${ids}::uuid[], ${names}::text[], ${emails}::text[], ${phones}::text[], ${tiers}::text[], ${regions}::text[], ${fields}::jsonb[])
      AS v(id, name, email, phone, tier, region, fields)
    WHERE c.id = v.id AND c."storeId" = ${storeId}::uuid`;
  // Two accounts that swapped emails within one statement would collide on the unique index: that
  // page keeps Tern's emails (the next sync of either account moves them).
  await tx.$executeRaw`SAVEPOINT save_mapped_customers`;
  try {
    await update(true);
    await tx.$executeRaw`RELEASE SAVEPOINT save_mapped_customers`;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT save_mapped_customers`;
    await update(false);
  }
  return { saved, skips };
}
