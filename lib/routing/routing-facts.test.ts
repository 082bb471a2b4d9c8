import { describe, expect, it } from "vitest";
import { routingFactsFrom } from "./routing-facts.ts";

describe("routingFactsFrom", () => {
  it("gathers categories, value, tier, issue types and region from the ticket, customer and order", () => {
    const facts = routingFactsFrom({
      category: "refund",
      tags: ["damaged", "refund"],
      customer: { tier: "VIP", region: null },
      order: {
        totalIncTax: "129.9000",
        products: [{ name: "Boot", categories: ["Shoes", { name: "Winter" }] }, { name: "Belt", category: "Accessories" }, "junk"],
        order: { billing_address: { country: "Germany", country_iso2: "DE" } },
      },
    });
    expect(facts).toEqual({
      productCategories: ["Shoes", "Winter", "Accessories"],
      orderValue: 129.9,
      tier: "VIP",
      issueTypes: ["refund", "damaged"],
      region: "DE",
    });
  });

  it("prefers the customer's region and copes with no customer and no order", () => {
    expect(routingFactsFrom({ category: null, tags: [], customer: { tier: "STANDARD", region: "EU" }, order: null }).region).toBe("EU");
    expect(routingFactsFrom({ category: null, tags: [], customer: null, order: null })).toEqual({
      productCategories: [],
      orderValue: null,
      tier: "STANDARD",
      issueTypes: [],
      region: null,
    });
  });
});
