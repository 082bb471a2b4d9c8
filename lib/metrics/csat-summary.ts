import type { Tx } from "@/lib/db/client.ts";
import { Prisma } from "@/lib/generated/prisma/client.ts";
import type { MetricsRange } from "./metrics-range.ts";

export type CsatSummary = {
  responses: number;
  average: number | null;
  /** Answers per score, 1 … 5. */
  distribution: { score: number; count: number }[];
  /** Answers over tickets resolved in the range. */
  responseRate: number | null;
  byAgent: { id: string | null; name: string; responses: number; average: number }[];
};

const round = (value: number) => Math.round(value * 100) / 100;

/** Customers' 1–5 ratings (asked by the bot after a resolve) given in the range. */
export async function csatSummary(tx: Tx, input: { storeId: string; range: MetricsRange; teamId?: string | null }): Promise<CsatSummary> {
  const { storeId, range } = input;
  const team = input.teamId ? Prisma.sql`AND COALESCE(t."teamId", a."teamId") = ${input.teamId}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<{ agentId: string | null; agentName: string | null; score: number; count: number }[]>`
    SELECT c."agentId", a.name AS "agentName", c.score, count(*)::int AS count
    FROM "CsatResponse" c
    JOIN "Ticket" t ON t.id = c."ticketId"
    LEFT JOIN "User" a ON a.id = c."agentId"
    WHERE c."storeId" = ${storeId}::uuid AND c."respondedAt" >= ${range.start}::timestamptz AND c."respondedAt" < ${range.end}::timestamptz ${team}
    GROUP BY c."agentId", a.name, c.score`;
  const resolved = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM "Ticket" t LEFT JOIN "User" a ON a.id = t."assigneeId"
    WHERE t."storeId" = ${storeId}::uuid AND t."resolvedAt" >= ${range.start}::timestamptz AND t."resolvedAt" < ${range.end}::timestamptz ${team}`;

  const responses = rows.reduce((total, row) => total + row.count, 0);
  const total = rows.reduce((sum, row) => sum + row.score * row.count, 0);
  const agents = new Map<string | null, { name: string; responses: number; total: number }>();
  for (const row of rows) {
    const entry = agents.get(row.agentId) ?? { name: row.agentName ?? "Unassigned", responses: 0, total: 0 };
    entry.responses += row.count;
    entry.total += row.score * row.count;
    agents.set(row.agentId, entry);
  }
  const resolvedCount = resolved[0]?.count ?? 0;
  return {
    responses,
    average: responses ? round(total / responses) : null,
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: rows.filter((row) => row.score === score).reduce((sum, row) => sum + row.count, 0) })),
    responseRate: resolvedCount ? round(Math.min(responses / resolvedCount, 1)) : null,
    byAgent: [...agents.entries()]
      .map(([id, entry]) => ({ id, name: entry.name, responses: entry.responses, average: round(entry.total / entry.responses) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
