import type { Tx } from "@/lib/db/client.ts";
import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";
import { assignTicketInTx } from "@/lib/tickets/assign-ticket.ts";
import { createActivityInTx } from "@/lib/tickets/create-activity.ts";
import { lockTicket } from "@/lib/tickets/lock-ticket.ts";
import type { TicketChange } from "@/lib/tickets/ticket-change.ts";
import { ticketDtoSelect, toTicketDto, type MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { updateTicketInTx } from "@/lib/tickets/update-ticket.ts";
import { claimAgentInTx } from "./claim-agent.ts";
import { loadRoutingFactsInTx } from "./load-routing-facts.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { findMatchingRule } from "./match-assignment-rule.ts";
import { CLAIMABLE_STATUSES, PRIORITY_RANK } from "./routing-statuses.ts";
import { WORK_TICKETS, makeWorkInTx } from "@/lib/ticket-lifecycle/work.ts";

export type RouteTicketInput = {
  storeId: string;
  ticketId: string;
  /** Apply the assignment rules (team, agent, priority): when the ticket first enters the queue. */
  applyRules?: boolean;
  /**
   * Leave the ticket queued when an older or more urgent ticket already waits for the same team:
   * the queue is served most urgent and oldest first (by the drain), not by whoever arrives last.
   */
  respectQueueOrder?: boolean;
  excludeUserIds?: readonly string[];
  now?: Date;
};

export type RouteResult = TicketChange & { ruleId: string | null; assigneeId: string | null };

type RuleOutcome = { ruleId: string; preferredAgentId: string | null; messages: MessageDto[] };

function higherPriorities(priority: TicketPriority): TicketPriority[] {
  return (Object.keys(PRIORITY_RANK) as TicketPriority[]).filter((other) => PRIORITY_RANK[other] > PRIORITY_RANK[priority]);
}

async function applyRulesInTx(tx: Tx, input: RouteTicketInput): Promise<RuleOutcome | null> {
  const { storeId, ticketId } = input;
  const facts = await loadRoutingFactsInTx(tx, storeId, ticketId);
  if (!facts) return null;
  const rule = findMatchingRule(await loadEnabledRules(tx, storeId), facts);
  if (!rule) return null;

  const messages: MessageDto[] = [];
  // Rules hold plain ids: a team or agent deleted since the rule was written is skipped, not fatal.
  const agent = rule.assigneeId
    ? await tx.user.findFirst({ where: { id: rule.assigneeId, storeId, disabledAt: null }, select: { id: true, teamId: true } })
    : null;
  const teamId = rule.teamId ?? agent?.teamId ?? null;
  const team = teamId ? await tx.team.findFirst({ where: { id: teamId, storeId }, select: { id: true, name: true } }) : null;
  const current = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: { teamId: true, priority: true, workSince: true } });
  if (team && current.teamId !== team.id) {
    await tx.ticket.update({ where: { id: ticketId, storeId }, data: { teamId: team.id }, select: { id: true } });
  }
  messages.push(
    await createActivityInTx(tx, {
      storeId,
      ticketId,
      actorId: null,
      body: team ? `Routed to ${team.name} by rule “${rule.name}”` : `Routing rule “${rule.name}” matched`,
      meta: { type: "routing", ruleId: rule.id, teamId: team?.id ?? null, assigneeId: agent?.id ?? null, priority: rule.priority },
    }),
  );
  if (rule.priority && rule.priority !== current.priority) {
    // Through the ticket update: it records the change and recounts the SLA targets for the new priority.
    const updated = await updateTicketInTx(tx, { storeId, ticketId, actorId: null, patch: { priority: rule.priority }, now: input.now });
    messages.push(...updated.messages);
  }
  // "Orders over $500 from VIP customers are work at once": the supervisor's rule outranks watching.
  if (rule.makesWork && current.workSince === null) {
    const work = await makeWorkInTx(tx, { storeId, ticketId, reason: `the rule “${rule.name}” matched`, actorId: null, now: input.now ?? new Date() });
    if (work) messages.push(...work.messages);
  }
  return { ruleId: rule.id, preferredAgentId: agent?.id ?? null, messages };
}

/** The store's enabled assignment rules, as findMatchingRule takes them. */
export function loadEnabledRules(tx: Tx, storeId: string) {
  return tx.assignmentRule.findMany({
    where: { storeId, enabled: true },
    select: { id: true, name: true, position: true, enabled: true, conditions: true, teamId: true, assigneeId: true, priority: true, makesWork: true, createdAt: true },
  });
}

/** An unassigned ticket of the same team that the queue serves first (more urgent, or as urgent and older). */
export async function olderTicketWaits(tx: Tx, storeId: string, ticket: { id: string; teamId: string | null; priority: TicketPriority; createdAt: Date }) {
  const waiting = await tx.ticket.findFirst({
    where: {
      storeId,
      assigneeId: null,
      status: { in: [...CLAIMABLE_STATUSES] },
      ...WORK_TICKETS,
      teamId: ticket.teamId,
      id: { not: ticket.id },
      OR: [{ priority: { in: higherPriorities(ticket.priority) } }, { priority: ticket.priority, createdAt: { lt: ticket.createdAt } }],
    },
    select: { id: true },
  });
  return waiting !== null;
}

/**
 * Routes one ticket: the first matching assignment rule sets its team and priority (and may name
 * an agent), then, with auto-assignment on, the least-loaded available agent of its team claims it
 * (claim-agent.ts makes that atomic). A ticket nobody can take stays queued for the drain.
 * For callers inside a transaction; they publish the change.
 */
export async function routeTicketInTx(tx: Tx, input: RouteTicketInput): Promise<RouteResult> {
  const { storeId, ticketId } = input;
  await lockTicket(tx, storeId, ticketId);
  const messages: MessageDto[] = [];
  const rule = input.applyRules ? await applyRulesInTx(tx, input) : null;
  if (rule) messages.push(...rule.messages);

  const settings = await loadRoutingSettings(tx, storeId);
  const ticket = await tx.ticket.findFirstOrThrow({
    where: { id: ticketId, storeId },
    select: { id: true, status: true, assigneeId: true, teamId: true, priority: true, createdAt: true, workSince: true },
  });
  let assigneeId: string | null = null;
  // A watched ticket takes nobody's capacity: it is routed once it becomes work.
  const claimable = ticket.assigneeId === null && ticket.workSince !== null && CLAIMABLE_STATUSES.includes(ticket.status);
  if (settings.autoAssign && claimable && !(input.respectQueueOrder && (await olderTicketWaits(tx, storeId, ticket)))) {
    const excludeUserIds = input.excludeUserIds ?? [];
    if (rule?.preferredAgentId && !excludeUserIds.includes(rule.preferredAgentId)) {
      assigneeId = await claimAgentInTx(tx, storeId, { teamId: ticket.teamId, agentId: rule.preferredAgentId });
    }
    assigneeId ??= await claimAgentInTx(tx, storeId, { teamId: ticket.teamId, excludeUserIds });
    if (assigneeId) {
      const assigned = await assignTicketInTx(tx, { storeId, ticketId, assigneeId, actorId: null, now: input.now });
      messages.push(...assigned.messages);
    }
  }
  const row = await tx.ticket.findFirstOrThrow({ where: { id: ticketId, storeId }, select: ticketDtoSelect });
  return { ticket: toTicketDto(row), messages, ruleId: rule?.ruleId ?? null, assigneeId };
}
