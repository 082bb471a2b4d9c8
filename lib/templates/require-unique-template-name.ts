import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";

/** Names are unique per store ignoring case: agents pick templates by name. */
export async function requireUniqueTemplateName(db: Db, storeId: string, name: string, exceptId?: string): Promise<void> {
  const clash = await db.template.findFirst({
    where: { storeId, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", `A template named "${name}" already exists`);
}
