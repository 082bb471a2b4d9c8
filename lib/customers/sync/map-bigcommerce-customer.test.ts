import { describe, expect, it } from "vitest";
import type { BigcommerceCustomer } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { customerMappingSchema, DEFAULT_CUSTOMER_MAPPING, readStoredMapping, type CustomerMapping } from "./customer-mapping.ts";
import { mapBigcommerceCustomer } from "./map-bigcommerce-customer.ts";

const groupNames = new Map([
  [1, "Retail"],
  [2, "VIP"],
]);

function account(patch: Partial<BigcommerceCustomer> & Record<string, unknown> = {}): BigcommerceCustomer {
  return {
    id: 7,
    email: " Mia.Wong@Example.com ",
    first_name: "Mia",
    last_name: "Wong",
    phone: "+65 6123 4567",
    company: "Wong Trading",
    customer_group_id: 2,
    addresses: [{ id: 1, customer_id: 7, city: "Singapore", country: "Singapore", country_code: "SG", state_or_province: "Central" } as never],
    attributes: [{ id: 10, attribute_id: 4, attribute_value: "Gold", customer_id: 7 }],
    ...patch,
  } as BigcommerceCustomer;
}

describe("mapBigcommerceCustomer", () => {
  it("fills name, email, phone, tier, region and custom fields from the mapping", () => {
    const mapping: CustomerMapping = {
      ...DEFAULT_CUSTOMER_MAPPING,
      region: { kind: "field", field: "state" },
      customFields: [
        { label: "Loyalty", source: { kind: "attribute", attributeId: 4 } },
        { label: "Company", source: { kind: "field", field: "company" } },
        { label: "Missing", source: { kind: "attribute", attributeId: 99 } },
      ],
    };
    expect(mapBigcommerceCustomer(account(), mapping, { groupNames })).toEqual({
      ok: true,
      customer: {
        bigcommerceCustomerId: 7,
        email: "mia.wong@example.com",
        name: "Mia Wong",
        phone: "+65 6123 4567",
        tier: "VIP",
        region: "Central",
        customFields: [
          { label: "Loyalty", value: "Gold" },
          { label: "Company", value: "Wong Trading" },
        ],
      },
    });
  });

  it("tiers by any mapped value, case-insensitively; no tier source leaves tiers alone", () => {
    const byAttribute: CustomerMapping = { ...DEFAULT_CUSTOMER_MAPPING, tier: { source: { kind: "attribute", attributeId: 4 }, vipValues: ["gold", "platinum"] } };
    expect(mapBigcommerceCustomer(account({ customer_group_id: 1 }), byAttribute, { groupNames })).toMatchObject({ customer: { tier: "VIP" } });
    expect(mapBigcommerceCustomer(account({ customer_group_id: 1 }), DEFAULT_CUSTOMER_MAPPING, { groupNames })).toMatchObject({ customer: { tier: "STANDARD" } });
    const untouched: CustomerMapping = { ...DEFAULT_CUSTOMER_MAPPING, tier: { source: null, vipValues: [] } };
    expect(mapBigcommerceCustomer(account(), untouched, { groupNames })).toMatchObject({ customer: { tier: undefined } });
  });

  it("skips garbage with a reason instead of storing it", () => {
    const map = (patch: Record<string, unknown>) => mapBigcommerceCustomer(account(patch), DEFAULT_CUSTOMER_MAPPING, { groupNames });
    expect(map({ email: undefined })).toEqual({ ok: false, bigcommerceCustomerId: 7, reason: "Missing email" });
    expect(map({ email: "   " })).toMatchObject({ ok: false, reason: "Missing email" });
    expect(map({ email: "no-at-sign" })).toMatchObject({ ok: false, reason: "Invalid email" });
    expect(map({ email: `${"a".repeat(300)}@example.com` })).toMatchObject({ ok: false, reason: "Email longer than 254 characters" });
    expect(map({ first_name: "x".repeat(10_240) })).toMatchObject({ ok: false, reason: "Name longer than 255 characters" });
    expect(map({ id: -1 })).toEqual({ ok: false, bigcommerceCustomerId: null, reason: "No customer id" });
    expect(map({ id: "7" })).toMatchObject({ ok: false, reason: "No customer id" });
    // Odd types in optional fields are dropped, control characters cleaned, long values cut.
    const odd = map({ phone: { nested: true }, company: "A\u0000B\u0007C", attributes: "not a list", addresses: [{ country_code: "X".repeat(500) }] });
    expect(odd).toMatchObject({ ok: true, customer: { phone: null, region: "X".repeat(100), customFields: [{ label: "Company", value: "A B C" }, { label: "Customer group", value: "VIP" }] } });
  });
});

describe("customerMappingSchema", () => {
  it("accepts only known fields, attribute ids and bounded lists", () => {
    expect(customerMappingSchema.safeParse(DEFAULT_CUSTOMER_MAPPING).success).toBe(true);
    const bad = (patch: Record<string, unknown>) => customerMappingSchema.safeParse({ ...DEFAULT_CUSTOMER_MAPPING, ...patch }).success;
    expect(bad({ name: { kind: "field", field: "password" } })).toBe(false);
    expect(bad({ name: { kind: "column", field: "email" } })).toBe(false);
    expect(bad({ phone: { kind: "attribute", attributeId: 0 } })).toBe(false);
    expect(bad({ email: null })).toBe(false);
    expect(bad({ customFields: Array.from({ length: 21 }, (_, index) => ({ label: `F${index}`, source: { kind: "field", field: "company" } })) })).toBe(false);
    expect(bad({ customFields: [{ label: "x".repeat(41), source: { kind: "field", field: "company" } }] })).toBe(false);
    expect(bad({ customFields: [{ label: "Same", source: { kind: "field", field: "company" } }, { label: "same", source: { kind: "field", field: "notes" } }] })).toBe(false);
    expect(bad({ tier: { source: null, vipValues: Array.from({ length: 51 }, () => "VIP") } })).toBe(false);
    expect(bad({ extra: true })).toBe(false);
  });

  it("reads a stored mapping that no longer parses as the default", () => {
    expect(readStoredMapping({ name: "nonsense" })).toEqual(DEFAULT_CUSTOMER_MAPPING);
    expect(readStoredMapping(null)).toEqual(DEFAULT_CUSTOMER_MAPPING);
  });
});
