import type { CustomerImportStatus } from "@/lib/generated/prisma/enums.ts";
import type { Prisma } from "@/lib/generated/prisma/client.ts";

/** An import's progress for the admin page: done / total, rate and time left. */
export type CustomerImportDto = {
  id: string;
  status: CustomerImportStatus;
  total: number | null;
  processed: number;
  imported: number;
  skipped: number;
  apiCalls: number;
  rateLimited: number;
  /** Customers a second since the import started (null before the first page). */
  ratePerSecond: number | null;
  /** Seconds left at that rate (null while unknown). */
  secondsLeft: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const customerImportSelect = {
  id: true,
  status: true,
  total: true,
  processed: true,
  imported: true,
  skipped: true,
  apiCalls: true,
  rateLimited: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.CustomerImportSelect;

type Row = Prisma.CustomerImportGetPayload<{ select: typeof customerImportSelect }>;

export function toCustomerImportDto(row: Row, now = new Date()): CustomerImportDto {
  const end = row.finishedAt ?? now;
  const elapsedSeconds = row.startedAt ? (end.getTime() - row.startedAt.getTime()) / 1000 : 0;
  const ratePerSecond = row.processed > 0 && elapsedSeconds > 0 ? Math.round((row.processed / elapsedSeconds) * 10) / 10 : null;
  const remaining = row.total !== null ? Math.max(0, row.total - row.processed) : null;
  const active = row.status === "QUEUED" || row.status === "RUNNING";
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    skipped: row.skipped,
    apiCalls: row.apiCalls,
    rateLimited: row.rateLimited,
    ratePerSecond,
    secondsLeft: !active ? 0 : remaining !== null && ratePerSecond ? Math.ceil(remaining / ratePerSecond) : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
