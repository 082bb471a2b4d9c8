import type { Prisma } from "@/lib/generated/prisma/client.ts";
import type { InboundSource, InboundStatus } from "@/lib/generated/prisma/enums.ts";

/** A dead-lettered event as the admin pages show it. */
export type DeadLetterDto = {
  id: string;
  source: InboundSource;
  /** DEAD, or PENDING once put back in the queue. */
  status: InboundStatus;
  kind: string;
  error: string | null;
  attempts: number;
  receivedAt: string;
  payload: unknown;
  /** The ticket an agent created by hand from it, if any. */
  manualTicketId: string | null;
};

export const deadLetterSelect = {
  id: true,
  source: true,
  status: true,
  kind: true,
  error: true,
  attempts: true,
  receivedAt: true,
  payload: true,
  manualTicketId: true,
} satisfies Prisma.InboundEventSelect;

export function toDeadLetterDto(row: Prisma.InboundEventGetPayload<{ select: typeof deadLetterSelect }>): DeadLetterDto {
  return { ...row, receivedAt: row.receivedAt.toISOString() };
}
