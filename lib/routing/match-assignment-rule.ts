import type { AssignmentConditions } from "./assignment-rule-conditions.ts";
import { parseAssignmentConditions } from "./assignment-rule-conditions.ts";
import type { RoutingFacts } from "./routing-facts.ts";

export type RuleCriterion = "category" | "orderValue" | "tier" | "issueType" | "region";

export type CriterionCheck = { criterion: RuleCriterion; ok: boolean; expected: string; actual: string };

export type RuleEvaluation = { matched: boolean; valid: boolean; checks: CriterionCheck[] };

const normalize = (value: string) => value.trim().toLowerCase();

function anyOf(wanted: readonly string[], actual: readonly string[]): boolean {
  const have = new Set(actual.map(normalize));
  return wanted.some((value) => have.has(normalize(value)));
}

function listText(values: readonly string[]): string {
  return values.length ? values.join(", ") : "none";
}

function valueRange(conditions: AssignmentConditions): string {
  const { minOrderValue: min, maxOrderValue: max } = conditions;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

/** Checks every criterion a rule sets against a ticket's facts, so the preview can say why a rule did not match. */
export function evaluateConditions(conditions: AssignmentConditions, facts: RoutingFacts): CriterionCheck[] {
  const checks: CriterionCheck[] = [];
  if (conditions.category) {
    checks.push({
      criterion: "category",
      ok: anyOf(conditions.category, facts.productCategories),
      expected: listText(conditions.category),
      actual: listText(facts.productCategories),
    });
  }
  if (conditions.minOrderValue !== undefined || conditions.maxOrderValue !== undefined) {
    const value = facts.orderValue;
    const ok =
      value !== null &&
      (conditions.minOrderValue === undefined || value >= conditions.minOrderValue) &&
      (conditions.maxOrderValue === undefined || value <= conditions.maxOrderValue);
    checks.push({ criterion: "orderValue", ok, expected: valueRange(conditions), actual: value === null ? "no order" : String(value) });
  }
  if (conditions.tier) {
    checks.push({ criterion: "tier", ok: facts.tier === conditions.tier, expected: conditions.tier, actual: facts.tier });
  }
  if (conditions.issueType) {
    checks.push({
      criterion: "issueType",
      ok: anyOf(conditions.issueType, facts.issueTypes),
      expected: listText(conditions.issueType),
      actual: listText(facts.issueTypes),
    });
  }
  if (conditions.region) {
    checks.push({
      criterion: "region",
      ok: facts.region !== null && anyOf(conditions.region, [facts.region]),
      expected: listText(conditions.region),
      actual: facts.region ?? "unknown",
    });
  }
  return checks;
}

export function evaluateRule(rawConditions: unknown, facts: RoutingFacts): RuleEvaluation {
  const conditions = parseAssignmentConditions(rawConditions);
  if (!conditions) return { matched: false, valid: false, checks: [] };
  const checks = evaluateConditions(conditions, facts);
  return { matched: checks.every((check) => check.ok), valid: true, checks };
}

export type RuleLike = { id: string; position: number; enabled: boolean; conditions: unknown; createdAt: Date };

/** Rules in the order a supervisor arranged them (position, then age). */
export function orderRules<R extends RuleLike>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/** The first enabled rule, in order, whose criteria all match. */
export function findMatchingRule<R extends RuleLike>(rules: readonly R[], facts: RoutingFacts): R | null {
  return orderRules(rules).find((rule) => rule.enabled && evaluateRule(rule.conditions, facts).matched) ?? null;
}
