import type { SessionSubject } from "@/lib/auth/mint-session-cookie.ts";
import type { Tx } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

export type BigcommerceStaff = { id: number; email: string; username?: string | null };

export type AppUserResult = { user: SessionSubject; created: boolean } | { disabled: true };

const userSelect = { id: true, storeId: true, role: true, name: true, email: true, disabledAt: true } as const;

function displayName(person: BigcommerceStaff): string {
  return person.username?.trim() || person.email.split("@")[0] || `BigCommerce user ${person.id}`;
}

/**
 * The Tern user a BigCommerce staff member signs in as, one per store: found by their BigCommerce
 * user id, else linked by email, else created (store owner → ADMIN, others → AGENT until an admin
 * changes the role). `admin: true` (the installer, the owner) makes sure they are an admin and
 * enabled, so the store can never lock its owner out; anyone else disabled in Tern stays out.
 */
export async function findOrCreateAppUserInTx(tx: Tx, storeId: string, person: BigcommerceStaff, options: { admin: boolean }): Promise<AppUserResult> {
  const email = person.email.trim().toLowerCase();
  let row =
    (await tx.user.findUnique({ where: { storeId_bigcommerceUserId: { storeId, bigcommerceUserId: person.id } }, select: userSelect })) ??
    (await tx.user.findUnique({ where: { storeId_email: { storeId, email } }, select: { ...userSelect, bigcommerceUserId: true } }).then((byEmail) => {
      if (byEmail && byEmail.bigcommerceUserId !== null && byEmail.bigcommerceUserId !== person.id) {
        throw new AppError("CONFLICT", "Another BigCommerce user already signs in with this email in Tern");
      }
      return byEmail;
    }));

  let created = false;
  if (!row) {
    row = await tx.user.create({
      data: { storeId, email, name: displayName(person), bigcommerceUserId: person.id, role: options.admin ? "ADMIN" : "AGENT" },
      select: userSelect,
    });
    created = true;
  } else {
    const needsAdmin = options.admin && (row.role !== "ADMIN" || row.disabledAt !== null);
    if (!options.admin && row.disabledAt) return { disabled: true };
    row = await tx.user.update({
      where: { id: row.id, storeId },
      data: { bigcommerceUserId: person.id, ...(needsAdmin ? { role: "ADMIN", disabledAt: null, ...(row.role !== "ADMIN" ? { sessionsValidFrom: new Date() } : {}) } : {}) },
      select: userSelect,
    });
  }
  return { user: { id: row.id, storeId: row.storeId, role: row.role, name: row.name, email: row.email }, created };
}
