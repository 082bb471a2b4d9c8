import type { AssignmentConditions } from "@/lib/routing/assignment-rule-conditions.ts";
import type { AssignmentRuleDto } from "@/lib/routing/assignment-rule-dto.ts";

/** "VIP · issue type refund · order ≥ 100" — a rule's criteria in one line. */
export function describeConditions(raw: unknown): string {
  const conditions = (raw ?? {}) as AssignmentConditions;
  const parts: string[] = [];
  if (conditions.tier) parts.push(`${conditions.tier === "VIP" ? "VIP" : "standard"} customers`);
  if (conditions.issueType) parts.push(`issue ${conditions.issueType.join(" / ")}`);
  if (conditions.category) parts.push(`category ${conditions.category.join(" / ")}`);
  if (conditions.minOrderValue !== undefined) parts.push(`order ≥ ${conditions.minOrderValue}`);
  if (conditions.maxOrderValue !== undefined) parts.push(`order ≤ ${conditions.maxOrderValue}`);
  if (conditions.region) parts.push(`region ${conditions.region.join(" / ")}`);
  return parts.length ? parts.join(" · ") : "every ticket";
}

export function describeActions(rule: AssignmentRuleDto): string {
  const parts: string[] = [];
  if (rule.team) parts.push(`team ${rule.team.name}`);
  if (rule.assignee) parts.push(`agent ${rule.assignee.name}`);
  if (rule.priority) parts.push(`priority ${rule.priority.toLowerCase()}`);
  if (rule.makesWork) parts.push("work at once");
  return parts.join(", ") || "nothing";
}
