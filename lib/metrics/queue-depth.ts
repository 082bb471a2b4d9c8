import type { Tx } from "@/lib/db/client.ts";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { FINISHED_STATUSES, OPEN_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";
import { isWorkSql } from "@/lib/ticket-lifecycle/work.ts";
import { ticketTeamFilter } from "./team-filter.ts";

/** `watching`: open order tickets nothing has asked a person about (lib/ticket-lifecycle/work.ts), counted apart from the work. */
export type QueueDepth = { byStatus: { status: TicketStatus; count: number }[]; open: number; unassigned: number; watching: number };

/** Open tickets that are work now, per status (every open status listed, zeros included), how many nobody holds, and how many are only watched. */
export async function queueDepth(tx: Tx, input: { storeId: string; teamId?: string | null }): Promise<QueueDepth> {
  const rows = await tx.$queryRaw<{ status: TicketStatus; count: number; unassigned: number; watching: number }[]>`
    SELECT t.status::text AS status,
           count(*) FILTER (WHERE ${isWorkSql})::int AS count,
           count(*) FILTER (WHERE ${isWorkSql} AND t."assigneeId" IS NULL)::int AS unassigned,
           count(*) FILTER (WHERE NOT ${isWorkSql})::int AS watching
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
    watching: rows.reduce((total, row) => total + row.watching, 0),
  };
}
