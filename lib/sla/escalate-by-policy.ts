import type { Tx } from "@/lib/db/client.ts";
import type { SlaClockKind } from "@/lib/generated/prisma/enums.ts";
import { claimAgentInTx } from "@/lib/routing/claim-agent.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { setTeamInTx } from "@/lib/tickets/set-team.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { transitionTicketInTx } from "@/lib/ticket-lifecycle/transition-ticket.ts";

export type EscalateByPolicyInput = {
  storeId: string;
  ticketId: string;
  kind: SlaClockKind;
  policy: { name: string; targetTeamId: string | null };
  now: Date;
};

const CLOCK_LABEL: Record<SlaClockKind, string> = {
  FIRST_RESPONSE: "first response",
  NEXT_RESPONSE: "next response",
  RESOLUTION: "resolution",
};

async function escalationTeam(tx: Tx, storeId: string, targetTeamId: string | null): Promise<{ id: string } | null> {
  if (targetTeamId) {
    const team = await tx.team.findFirst({ where: { id: targetTeamId, storeId }, select: { id: true } });
    if (team) return team;
  }
  // The policy names no team (or its team was deleted): the store's level-2 team.
  return tx.team.findFirst({ where: { storeId, level: { gt: 1 } }, orderBy: [{ level: "asc" }, { createdAt: "asc" }], select: { id: true } });
}

/**
 * Applies an escalation policy to a ticket whose clock passed the policy's threshold: status
 * Escalated, moved to the level-2 team and handed to its least-loaded available member (an atomic
 * claim, as in routing), or left in that team's queue when nobody there has room. Callers hold the
 * ticket lock and have checked the ticket is not already escalated; they publish.
 */
export async function escalateByPolicyInTx(tx: Tx, input: EscalateByPolicyInput): Promise<TicketChange> {
  const { storeId, ticketId } = input;
  const messages: MessageDto[] = [];
  const team = await escalationTeam(tx, storeId, input.policy.targetTeamId);
  const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { assigneeId: true } });
  let assigneeId: string | null = current.assigneeId;
  if (team) {
    const moved = await setTeamInTx(tx, { storeId, ticketId, teamId: team.id, actorId: null, reason: "escalated" });
    if (moved) messages.push(moved);
    // Level 2 takes over: its least-loaded member with room, else the team's queue.
    assigneeId = await claimAgentInTx(tx, storeId, { teamId: team.id });
  }
  const escalated = await transitionTicketInTx(tx, {
    storeId,
    ticketId,
    to: "ESCALATED",
    assigneeId,
    actorId: null,
    reason: `SLA ${CLOCK_LABEL[input.kind]} target: escalated by policy “${input.policy.name}”`,
    now: input.now,
  });
  messages.push(...escalated.messages);
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return { ticket: toTicketDto(row), messages };
}
