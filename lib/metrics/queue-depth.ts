import type { Tx } from "@/lib/db/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { FINISHED_STATUSES, OPEN_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";
import { ticketTeamFilter } from "./team-filter.ts";

export type QueueDepth = { byStatus: { status: TicketStatus; count: number }[]; open: number; unassigned: number };


/** Open tickets now, per status (every open status listed, zeros included), and how many nobody holds. */
export async function queueDepth(tx: Tx, input: { storeId: string; teamId?: string | null }): Promise<QueueDepth> {
  const rows = await tx.$queryRaw<{ status: TicketStatus; count: number; unassigned: number }[]>`
    SELECT t.status::text AS status, count(*)::int AS count, count(*) FILTER (WHERE t."assigneeId" IS NULL)::int AS unassigned
    FROM "Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"
    WHERE t."storeId" = ${input.storeId}::uuid AND t.status NOT IN (${statusListSql(FINISHED_STATUSES)}) ${ticketTeamFilter(input.teamId)}
    GROUP BY t.status`;
  const byStatus = OPEN_STATUSES.map((status) => ({
    status,
    count: rows.find((row) => row.status === status)?.count ?? 0,
  }));
  return {
    byStatus,
    open: rows.reduce((total, row) => total + row.count, 0),
    unassigned: rows.reduce((total, row) => total + row.unassigned, 0),
  };
}
