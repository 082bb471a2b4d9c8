import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import type { TicketPriority } from "@/lib/generated/prisma/enums.ts";
import type { PreviewAssignmentBody } from "@/lib/validations/routing.ts";
import { assignmentRuleSelect, toAssignmentRuleDtos } from "./assignment-rule-dto.ts";
import { findAgentCandidates, type AgentCandidate } from "./find-agent-candidates.ts";
import { loadRoutingFactsInTx } from "./load-routing-facts.ts";
import { loadRoutingSettings } from "./load-routing-settings.ts";
import { evaluateRule, orderRules, type CriterionCheck } from "./match-assignment-rule.ts";
import type { RoutingFacts } from "./routing-facts.ts";

export type RulePreview = { id: string; name: string; position: number; enabled: boolean; valid: boolean; matched: boolean; checks: CriterionCheck[] };

export type AssignmentPreview = {
  facts: RoutingFacts;
  rules: RulePreview[];
  /** The rule routing would apply: the first enabled rule that matches. */
  matchedRuleId: string | null;
  outcome: {
    team: { id: string; name: string } | null;
    priority: TicketPriority | null;
    /** Who would get the ticket right now (null: it would wait in the queue). Nothing is claimed. */
    agent: AgentCandidate | null;
    autoAssign: boolean;
  };
};

async function ticketIdOf(db: Db, storeId: string, body: { ticketId: string } | { ticketNumber: number }): Promise<string> {
  if ("ticketId" in body) return body.ticketId;
  const ticket = await db.ticket.findUnique({ where: { storeId_number: { storeId, number: body.ticketNumber } }, select: { id: true } });
  if (!ticket) throw new AppError("NOT_FOUND", `Ticket #${body.ticketNumber} not found`);
  return ticket.id;
}

/**
 * "Which rule would match": runs the store's rules against a ticket (or made-up facts) and says,
 * for every rule, which criteria held, then who would get the ticket now. Reads only.
 */
export async function previewAssignment(db: Db, input: { storeId: string; body: PreviewAssignmentBody }): Promise<AssignmentPreview> {
  const { storeId, body } = input;
  const facts = "facts" in body ? body.facts : await loadRoutingFactsInTx(db, storeId, await ticketIdOf(db, storeId, body));
  if (!facts) throw new AppError("NOT_FOUND", "Ticket not found");
  const rows = orderRules(await db.assignmentRule.findMany({ where: { storeId }, select: assignmentRuleSelect }));
  const dtos = await toAssignmentRuleDtos(db, storeId, rows);
  const rules = dtos.map((rule) => {
    const evaluation = evaluateRule(rule.conditions, facts);
    return { id: rule.id, name: rule.name, position: rule.position, enabled: rule.enabled, valid: evaluation.valid, matched: evaluation.matched, checks: evaluation.checks };
  });
  const matchedIndex = rules.findIndex((rule) => rule.enabled && rule.matched);
  const matched = matchedIndex >= 0 ? dtos[matchedIndex]! : null;
  const settings = await loadRoutingSettings(db, storeId);

  let team = matched?.team ?? null;
  let agent: AgentCandidate | null = null;
  if (matched?.assignee) {
    const named = await db.user.findFirst({ where: { id: matched.assignee.id, storeId }, select: { teamId: true, team: { select: { id: true, name: true } } } });
    team ??= named?.team ?? null;
    [agent = null] = await findAgentCandidates(db, storeId, { teamId: team?.id ?? null, agentId: matched.assignee.id });
  }
  if (!agent) [agent = null] = await findAgentCandidates(db, storeId, { teamId: team?.id ?? null });
  return {
    facts,
    rules,
    matchedRuleId: matched?.id ?? null,
    outcome: { team, priority: matched?.priority ?? null, agent: settings.autoAssign ? agent : null, autoAssign: settings.autoAssign },
  };
}
