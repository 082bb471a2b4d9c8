import { Prisma } from "@/lib/generated/prisma/client.ts";

/**
 * A ticket belongs to a team when routed to it, else through its assignee's team. For raw SQL over
 * `"Ticket" t LEFT JOIN "User" u ON u.id = t."assigneeId"`; empty without a team.
 */
export function ticketTeamFilter(teamId: string | null | undefined): Prisma.Sql {
  return teamId ? Prisma.sql`AND COALESCE(t."teamId", u."teamId") = ${teamId}::uuid` : Prisma.empty;
}
