import { CLOCK_STOPPED_STATUSES } from "@/lib/ticket-lifecycle/status-machine.ts";
import { statusListSql } from "@/lib/ticket-lifecycle/status-sql.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import { TicketStatus } from "@/lib/generated/prisma/enums.ts";

/** Unassigned tickets in these statuses wait for an agent (escalated ones in their level-2 team's queue). */
export const CLAIMABLE_STATUSES: readonly TicketStatus[] = [TicketStatus.AWAITING_AGENT, TicketStatus.PRIORITY_QUEUE, TicketStatus.ESCALATED];

/**
 * An agent's load is every ticket they hold whose clocks run: finished tickets and those waiting on
 * the customer (the ball is in the customer's court) do not count against their capacity.
 */
export const UNLOADED_STATUSES: readonly TicketStatus[] = CLOCK_STOPPED_STATUSES;

/** `t.status` counts toward its assignee's load (for raw SQL over "Ticket" t). */
export const countsTowardLoad = Prisma.sql`t.status NOT IN (${statusListSql(UNLOADED_STATUSES)})`;

/** Queue order: most urgent first, then oldest. */
export const PRIORITY_RANK = { URGENT: 3, HIGH: 2, NORMAL: 1, LOW: 0 } as const;
