import type { BigcommerceAddress } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { addressSchema, MAX_QUANTITY, type NewAddress } from "./self-service-state.ts";

/** Longest message read as an address or phone: anything longer is not one. */
const MAX_INPUT = 400;

/**
 * A new shipping address typed as lines: street, city, [state,] postcode, country (4 or 5 lines).
 * Null when it is not that shape or a field is empty or too long (addressSchema's bounds).
 */
export function parseAddress(text: string): NewAddress | null {
  if (text.length > MAX_INPUT) return null;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (lines.length !== 4 && lines.length !== 5) return null;
  const [street_1, city, ...rest] = lines as [string, string, ...string[]];
  const [state, zip, country] = rest.length === 3 ? (rest as [string, string, string]) : ["", rest[0]!, rest[1]!];
  const parsed = addressSchema.safeParse({ street_1, city, state, zip, country });
  return parsed.success ? parsed.data : null;
}

/** A phone number as people type it: digits with spaces, dashes, dots, brackets and a leading +; 6 to 15 digits. */
export function parsePhone(text: string): string | null {
  const phone = text.replace(/\s+/g, " ").trim();
  if (phone.length > 30 || !/^\+?[0-9 ().-]+$/.test(phone)) return null;
  const digits = phone.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 15 ? phone : null;
}

/** "3", " 12 " → a quantity from 1 to MAX_QUANTITY; anything else → null. */
export function parseQuantity(text: string): number | null {
  const match = /^\s*(\d{1,3})\s*$/.exec(text);
  const quantity = match ? Number(match[1]) : NaN;
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

/** A search term: 3 to 60 characters after trimming (BigCommerce matches it against names and SKUs). */
export function parseSearchTerm(text: string): string | null {
  const term = text.replace(/\s+/g, " ").trim();
  return term.length >= 3 && term.length <= 60 ? term : null;
}

/** An address on a few lines, as the bot shows old and new side by side. */
export function addressText(address: Pick<BigcommerceAddress, "street_1" | "street_2" | "city" | "state" | "zip" | "country">): string {
  return [address.street_1, address.street_2, [address.zip, address.city].filter(Boolean).join(" "), address.state, address.country].filter((part) => part && part.trim()).join("\n");
}
