import { z } from "zod";
import type { BigcommerceCustomer } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { CustomerTier } from "@/lib/generated/prisma/enums.ts";
import type { CustomerField, CustomerMapping, FieldSource } from "./customer-mapping.ts";

/** What one BigCommerce account gives Tern's customer under the store's mapping. */
export type MappedCustomer = {
  bigcommerceCustomerId: number;
  email: string;
  name: string | null;
  phone: string | null;
  /** undefined: the mapping does not set tiers (agents' choice stays). */
  tier: CustomerTier | undefined;
  region: string | null;
  customFields: CustomField[];
};

export type CustomField = { label: string; value: string };

export type MapResult = { ok: true; customer: MappedCustomer } | { ok: false; bigcommerceCustomerId: number | null; reason: string };

/** Names of the store's customer groups by id (GET /v2/customer_groups). */
export type MappingContext = { groupNames: ReadonlyMap<number, string> };

// BigCommerce's own limits are 255 for names and emails; anything longer is not a real account.
export const MAX_NAME_LENGTH = 255;
const MAX_EMAIL_LENGTH = 254;
const MAX_PHONE_LENGTH = 50;
const MAX_REGION_LENGTH = 100;
const MAX_VALUE_LENGTH = 500;

const emailSchema = z.email();

type Address = NonNullable<BigcommerceCustomer["addresses"]>[number] & {
  // V3 customer addresses name these differently from V2 order addresses; accept both.
  address1?: string;
  state_or_province?: string;
  postal_code?: string;
  country_code?: string;
};

function clean(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  // Control characters never belong in a name or a label shown to agents.
  const text = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return text || null;
}

function readField(account: BigcommerceCustomer, field: CustomerField, context: MappingContext): string | null {
  const address = (account.addresses?.[0] ?? {}) as Address;
  switch (field) {
    case "full_name":
      return clean([clean(account.first_name), clean(account.last_name)].filter(Boolean).join(" "));
    case "first_name":
    case "last_name":
    case "email":
    case "phone":
    case "company":
    case "notes":
    case "date_created":
      return clean(account[field]);
    case "customer_group": {
      const groupId = account.customer_group_id;
      if (!groupId) return null;
      return clean(context.groupNames.get(groupId)) ?? String(groupId);
    }
    case "store_credit": {
      const amounts = Array.isArray(account.store_credit_amounts) ? account.store_credit_amounts : [];
      const total = amounts.reduce((sum, entry) => sum + (Number.isFinite(Number(entry?.amount)) ? Number(entry.amount) : 0), 0);
      return total ? total.toFixed(2) : null;
    }
    case "address_phone":
      return clean(address.phone);
    case "city":
      return clean(address.city);
    case "state":
      return clean(address.state_or_province ?? address.state);
    case "zip":
      return clean(address.postal_code ?? address.zip);
    case "country":
      return clean(address.country);
    case "country_iso2":
      return clean(address.country_code ?? address.country_iso2);
  }
}

export function readSource(account: BigcommerceCustomer, source: FieldSource, context: MappingContext): string | null {
  if (source.kind === "field") return readField(account, source.field, context);
  const attributes = Array.isArray(account.attributes) ? account.attributes : [];
  return clean(attributes.find((attribute) => attribute?.attribute_id === source.attributeId)?.attribute_value);
}

const clip = (value: string | null, max: number): string | null => (value === null ? null : value.slice(0, max));

/**
 * Applies the mapping to one account from the API. A record Tern cannot keep (no id, no or an
 * invalid email, a name no person has) is refused with a reason for the import's skip log; other
 * oversized values are cut to size, never trusted.
 */
export function mapBigcommerceCustomer(account: BigcommerceCustomer, mapping: CustomerMapping, context: MappingContext): MapResult {
  const id = Number.isSafeInteger(account?.id) && account.id > 0 ? account.id : null;
  if (id === null) return { ok: false, bigcommerceCustomerId: null, reason: "No customer id" };
  const skip = (reason: string): MapResult => ({ ok: false, bigcommerceCustomerId: id, reason });

  const rawEmail = readSource(account, mapping.email, context);
  if (!rawEmail) return skip("Missing email");
  if (rawEmail.length > MAX_EMAIL_LENGTH) return skip(`Email longer than ${MAX_EMAIL_LENGTH} characters`);
  const email = rawEmail.toLowerCase();
  if (!emailSchema.safeParse(email).success) return skip("Invalid email");

  const name = mapping.name ? readSource(account, mapping.name, context) : null;
  if (name && name.length > MAX_NAME_LENGTH) return skip(`Name longer than ${MAX_NAME_LENGTH} characters`);

  let tier: CustomerTier | undefined;
  if (mapping.tier.source) {
    const value = readSource(account, mapping.tier.source, context)?.toLowerCase();
    tier = value && mapping.tier.vipValues.some((vip) => vip.toLowerCase() === value) ? "VIP" : "STANDARD";
  }

  const customFields: CustomField[] = [];
  for (const field of mapping.customFields) {
    const value = readSource(account, field.source, context);
    if (value) customFields.push({ label: field.label, value: value.slice(0, MAX_VALUE_LENGTH) });
  }

  return {
    ok: true,
    customer: {
      bigcommerceCustomerId: id,
      email,
      name,
      phone: clip(mapping.phone ? readSource(account, mapping.phone, context) : null, MAX_PHONE_LENGTH),
      tier,
      region: clip(mapping.region ? readSource(account, mapping.region, context) : null, MAX_REGION_LENGTH),
      customFields,
    },
  };
}
