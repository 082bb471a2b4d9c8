import { describe, expect, it } from "vitest";
import { evaluateRule, findMatchingRule, type RuleLike } from "./match-assignment-rule.ts";
import type { RoutingFacts } from "./routing-facts.ts";

const facts: RoutingFacts = {
  productCategories: ["Shoes", "Accessories"],
  orderValue: 250,
  tier: "VIP",
  issueTypes: ["refund", "damaged"],
  region: "DE",
};

const matches = (conditions: unknown, over: Partial<RoutingFacts> = {}) => evaluateRule(conditions, { ...facts, ...over }).matched;

describe("each criterion", () => {
  it("product category: any listed category among the order's, case-insensitive", () => {
    expect(matches({ category: ["shoes"] })).toBe(true);
    expect(matches({ category: ["Bags", "ACCESSORIES"] })).toBe(true);
    expect(matches({ category: ["Bags"] })).toBe(false);
    expect(matches({ category: ["Shoes"] }, { productCategories: [] })).toBe(false);
  });

  it("order value: inclusive bounds, and no order never matches a value rule", () => {
    expect(matches({ minOrderValue: 250 })).toBe(true);
    expect(matches({ minOrderValue: 250.01 })).toBe(false);
    expect(matches({ maxOrderValue: 250 })).toBe(true);
    expect(matches({ maxOrderValue: 100 })).toBe(false);
    expect(matches({ minOrderValue: 100, maxOrderValue: 300 })).toBe(true);
    expect(matches({ minOrderValue: 0 }, { orderValue: null })).toBe(false);
  });

  it("customer tier: exact", () => {
    expect(matches({ tier: "VIP" })).toBe(true);
    expect(matches({ tier: "STANDARD" })).toBe(false);
    expect(matches({ tier: "VIP" }, { tier: "STANDARD" })).toBe(false);
  });

  it("issue type: the ticket's category or a tag", () => {
    expect(matches({ issueType: ["Refund"] })).toBe(true);
    expect(matches({ issueType: ["shipping", "damaged"] })).toBe(true);
    expect(matches({ issueType: ["shipping"] })).toBe(false);
  });

  it("region: the customer's region or billing country; unknown never matches", () => {
    expect(matches({ region: ["de", "AT"] })).toBe(true);
    expect(matches({ region: ["FR"] })).toBe(false);
    expect(matches({ region: ["DE"] }, { region: null })).toBe(false);
  });

  it("all criteria together must hold", () => {
    expect(matches({ tier: "VIP", issueType: ["refund"], minOrderValue: 100, region: ["DE"], category: ["Shoes"] })).toBe(true);
    expect(matches({ tier: "VIP", issueType: ["refund"], minOrderValue: 1000 })).toBe(false);
  });

  it("no criteria is a catch-all; a stored rule that no longer parses matches nothing", () => {
    expect(matches({})).toBe(true);
    expect(evaluateRule({ tier: "PLATINUM" }, facts)).toEqual({ matched: false, valid: false, checks: [] });
    expect(evaluateRule({ minOrderValue: 10, maxOrderValue: 5 }, facts).valid).toBe(false);
  });

  it("explains each check for the preview", () => {
    expect(evaluateRule({ tier: "STANDARD", maxOrderValue: 500 }, facts).checks).toEqual([
      { criterion: "orderValue", ok: true, expected: "at most 500", actual: "250" },
      { criterion: "tier", ok: false, expected: "STANDARD", actual: "VIP" },
    ]);
  });
});

describe("findMatchingRule", () => {
  const rule = (id: string, position: number, conditions: unknown, enabled = true): RuleLike => ({
    id,
    position,
    enabled,
    conditions,
    createdAt: new Date(0),
  });

  it("takes the first matching enabled rule by position", () => {
    const rules = [rule("catch-all", 3, {}), rule("vip", 2, { tier: "VIP" }), rule("refunds", 1, { issueType: ["refund"] }, false)];
    expect(findMatchingRule(rules, facts)?.id).toBe("vip");
    expect(findMatchingRule(rules, { ...facts, tier: "STANDARD" })?.id).toBe("catch-all");
    expect(findMatchingRule([rule("refunds", 1, { issueType: ["refund"] }, false)], facts)).toBeNull();
  });
});
