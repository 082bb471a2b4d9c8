import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";

/**
 * A status group (status-machine.ts) as an SQL list for raw queries: `t.status NOT IN (${…})`.
 * Literals rather than parameters, as the hand-written lists were: the planner matches them
 * against partial indexes. Safe to inline: the values are the enum's own identifiers.
 */
export function statusListSql(statuses: readonly TicketStatus[]): Prisma.Sql {
  if (!statuses.every((status) => /^[A-Z_]+$/.test(status))) throw new Error("Not ticket statuses");
  return Prisma.raw(statuses.map((status) => `'${status}'`).join(", "));
}
