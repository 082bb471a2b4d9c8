import { describe, expect, it } from "vitest";
import { pickEscalationPolicy, type EscalationPolicyCandidate } from "./pick-escalation-policy.ts";

const policy = (id: string, category: string | null, minute = 0): EscalationPolicyCandidate => ({
  id,
  name: id,
  category,
  thresholdShare: 1,
  targetTeamId: null,
  createdAt: new Date(minute * 60_000),
});

describe("pickEscalationPolicy", () => {
  const policies = [policy("any", null), policy("refunds", "Refund"), policy("older-any", null, -5)];

  it("prefers the policy for the ticket's category, case-insensitive", () => {
    expect(pickEscalationPolicy(policies, "refund")?.id).toBe("refunds");
  });

  it("falls back to the oldest catch-all", () => {
    expect(pickEscalationPolicy(policies, "shipping")?.id).toBe("older-any");
    expect(pickEscalationPolicy(policies, null)?.id).toBe("older-any");
  });

  it("finds nothing when only other categories have policies", () => {
    expect(pickEscalationPolicy([policy("refunds", "refund")], "shipping")).toBeNull();
  });
});
