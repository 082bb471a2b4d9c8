import { z } from "zod";

/**
 * Which BigCommerce customer fields fill Tern's customer (the admin's mapping page): name, email,
 * phone, tier (a value such as the customer group "VIP" makes the customer VIP), region, and up to
 * twenty labelled fields shown in the inbox sidebar. Only known fields and attribute ids are
 * accepted, with bounded counts and lengths: the mapping is stored and applied to every customer
 * of an import.
 */

/** The fields of a V3 customer (and its first address) a mapping may read. */
export const CUSTOMER_FIELDS = [
  "full_name",
  "first_name",
  "last_name",
  "email",
  "phone",
  "company",
  "notes",
  "customer_group",
  "date_created",
  "store_credit",
  "address_phone",
  "city",
  "state",
  "zip",
  "country",
  "country_iso2",
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const fieldSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("field"), field: z.enum(CUSTOMER_FIELDS) }),
  // A customer attribute (GET /v3/customers/attributes), by its BigCommerce id.
  z.strictObject({ kind: z.literal("attribute"), attributeId: z.int().min(1).max(2_147_483_647) }),
]);

export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const MAX_CUSTOM_FIELDS = 20;
export const MAX_VIP_VALUES = 50;

export const customerMappingSchema = z.strictObject({
  name: fieldSourceSchema.nullable(),
  email: fieldSourceSchema,
  phone: fieldSourceSchema.nullable(),
  tier: z.strictObject({
    /** null: an import leaves tiers as agents set them. */
    source: fieldSourceSchema.nullable(),
    /** Values (compared without case) that make a customer VIP, e.g. the customer group "VIP". */
    vipValues: z.array(z.string().trim().min(1).max(100)).max(MAX_VIP_VALUES),
  }),
  region: fieldSourceSchema.nullable(),
  customFields: z
    .array(z.strictObject({ label: z.string().trim().min(1).max(40), source: fieldSourceSchema }))
    .max(MAX_CUSTOM_FIELDS)
    .refine((fields) => new Set(fields.map((field) => field.label.toLowerCase())).size === fields.length, { message: "Each label may appear once" }),
});

export type CustomerMapping = z.infer<typeof customerMappingSchema>;

export const DEFAULT_CUSTOMER_MAPPING: CustomerMapping = {
  name: { kind: "field", field: "full_name" },
  email: { kind: "field", field: "email" },
  phone: { kind: "field", field: "phone" },
  tier: { source: { kind: "field", field: "customer_group" }, vipValues: ["VIP"] },
  region: { kind: "field", field: "country_iso2" },
  customFields: [
    { label: "Company", source: { kind: "field", field: "company" } },
    { label: "Customer group", source: { kind: "field", field: "customer_group" } },
  ],
};

/** A stored mapping, or the default when none is stored or it no longer parses. */
export function readStoredMapping(value: unknown): CustomerMapping {
  const parsed = customerMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_CUSTOMER_MAPPING;
}
