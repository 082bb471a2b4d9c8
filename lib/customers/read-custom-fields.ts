export type CustomFieldValue = { label: string; value: string };

const MAX_SHOWN_FIELDS = 20;

/**
 * A customer's stored custom fields (the store's mapped BigCommerce fields), whatever the JSON
 * column holds: only label/value strings come through, bounded in count and length.
 */
export function readCustomFields(value: unknown): CustomFieldValue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is CustomFieldValue => typeof entry?.label === "string" && typeof entry?.value === "string")
    .slice(0, MAX_SHOWN_FIELDS)
    .map((entry) => ({ label: entry.label.slice(0, 40), value: entry.value.slice(0, 500) }));
}
