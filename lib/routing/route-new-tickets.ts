import type { Tx } from "@/lib/db/client.ts";
import { assignTicketInTx } from "@/lib/tickets/assign-ticket.ts";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { claimAgentInTx } from "./claim-agent.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { findMatchingRule } from "./match-assignment-rule.ts";
import { loadEnabledRules, olderTicketWaits, routeTicketInTx } from "./route-ticket.ts";
import type { RoutingFacts } from "./routing-facts.ts";

/** A ticket just created unassigned, in no team, at Normal priority and Awaiting Agent; `work` false while only watched. */
export type NewTicketToRoute = { id: string; createdAt: Date; work: boolean; facts: RoutingFacts };

/**
 * Routes tickets created together (a burst of new orders), in creation order, to the same end as
 * routeTicketInTx one after the other with the rules applied and the queue order respected, but
 * reading the rules, the settings and the queue once instead of once per ticket. When a rule
 * matches any of them, each is routed the full way instead (a rule can give each its own team,
 * priority or agent). Otherwise they share one queue: once one finds no agent with room, every
 * later one waits behind it. Returns the thread entries routing added, per ticket.
 */
export async function routeNewTicketsInTx(tx: Tx, input: { storeId: string; tickets: readonly NewTicketToRoute[]; now: Date }): Promise<Map<string, MessageDto[]>> {
  const { storeId, tickets, now } = input;
  const added = new Map<string, MessageDto[]>();
  const first = tickets[0];
  if (!first) return added;
  const rules = await loadEnabledRules(tx, storeId);
  if (tickets.some((ticket) => findMatchingRule(rules, ticket.facts))) {
    for (const ticket of tickets) {
      const routed = await routeTicketInTx(tx, { storeId, ticketId: ticket.id, applyRules: true, respectQueueOrder: true, now });
      added.set(ticket.id, routed.messages);
    }
    return added;
  }
  const settings = await loadRoutingSettings(tx, storeId);
  // Watched tickets take no agent (lib/ticket-lifecycle/work.ts).
  const work = tickets.filter((ticket) => ticket.work);
  const firstWork = work[0];
  if (!settings.autoAssign || !firstWork) return added;
  // The others of the burst are as old as the first, so they do not count as waiting before it.
  if (await olderTicketWaits(tx, storeId, { id: firstWork.id, teamId: null, priority: "NORMAL", createdAt: firstWork.createdAt })) return added;
  for (const ticket of work) {
    const assigneeId = await claimAgentInTx(tx, storeId, { teamId: null });
    if (!assigneeId) break;
    const assigned = await assignTicketInTx(tx, { storeId, ticketId: ticket.id, assigneeId, actorId: null, now });
    added.set(ticket.id, assigned.messages);
  }
  return added;
}
