import type { Tx } from "@/lib/db/client.ts";
import type { SlaClockKind, SlaEventType } from "@/lib/generated/prisma/enums.ts";
import type { MetricsRange } from "./metrics-range.ts";

export type SlaEventRow = { id: string; ticketId: string; number: number; subject: string; kind: SlaClockKind; type: SlaEventType; at: string };

/** The latest warnings, breaches and escalations of the range (met targets are too many to list). */
export async function recentSlaEvents(tx: Tx, input: { storeId: string; range: MetricsRange; teamId?: string | null; limit?: number }): Promise<SlaEventRow[]> {
  const rows = await tx.slaEvent.findMany({
    where: {
      storeId: input.storeId,
      type: { in: ["WARNING", "BREACH", "ESCALATED"] },
      at: { gte: input.range.start, lt: input.range.end },
      ...(input.teamId ? { teamId: input.teamId } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: input.limit ?? 20,
    select: { id: true, ticketId: true, kind: true, type: true, at: true, ticket: { select: { number: true, subject: true } } },
  });
  return rows.map((row) => ({ id: row.id, ticketId: row.ticketId, number: row.ticket.number, subject: row.ticket.subject, kind: row.kind, type: row.type, at: row.at.toISOString() }));
}
