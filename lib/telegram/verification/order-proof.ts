import { isOrderNumber } from "../intake-state.ts";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import type { IdentityProof } from "@/lib/generated/prisma/enums.ts";

/** What a chat has said so far towards proving an order is theirs. */
export type ProofClaim = { orderId?: number; email?: string; postcode?: string };

const EMAIL = /[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+/;
const ORDER_FIRST = /^(?:order\s*)?(?:no\.?\s*|number\s*)?#\s*(\d{1,10})\b|^(?:order\s*)?(?:no\.?\s*|number\s*)?(\d{1,10})(?=$|[\s,;])/i;
// Postcodes of the world are short runs of letters, digits, spaces and dashes with a digit in them.
const POSTCODE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;

function orderIdOf(digits: string | undefined): number | undefined {
  if (!digits) return undefined;
  const id = Number(digits);
  return isOrderNumber(id) ? id : undefined;
}

/**
 * Reads an order number, an email address and a postcode from one message ("1024",
 * "#1024 kim@example.com", "order 1024, 10115"), on top of what the chat said before: a message
 * that follows an order number is read as its email or postcode. Returns null when the message
 * says nothing of the kind (an ordinary question).
 */
export function readProofText(text: string, before: ProofClaim = {}): ProofClaim | null {
  let rest = text.trim().slice(0, 300);
  const found: ProofClaim = {};
  const email = EMAIL.exec(rest)?.[0];
  if (email && email.length <= 254) {
    found.email = email.toLowerCase();
    rest = rest.replace(email, " ").trim();
  }
  if (before.orderId === undefined) {
    const order = ORDER_FIRST.exec(rest);
    const orderId = orderIdOf(order?.[1] ?? order?.[2]);
    if (order && orderId !== undefined) {
      found.orderId = orderId;
      rest = rest.slice(order[0].length).replace(/^[\s,;]+/, "");
    }
  }
  // After an order number, a short code with a digit in it is its postcode (a new number too: the
  // check fails, the claim is forgotten, and the customer starts again).
  if ((found.orderId ?? before.orderId) !== undefined && !found.email && rest && POSTCODE.test(rest)) found.postcode = rest;
  if (found.orderId === undefined && found.email === undefined && found.postcode === undefined) return null;
  return { ...before, ...found };
}

export function isCompleteProof(claim: ProofClaim): claim is ProofClaim & { orderId: number } {
  return claim.orderId !== undefined && (claim.email !== undefined || claim.postcode !== undefined);
}

function normalPostcode(value: string): string {
  return value.replace(/[\s-]+/g, "").toUpperCase();
}

/**
 * Whether the order's billing details match what the chat gave: its billing email, or its billing
 * postcode. Returns how it was proved, or null. The caller never tells the chat which part was
 * wrong, nor whether the order exists.
 */
export function proofMatches(order: BigcommerceOrder | null, claim: ProofClaim): Extract<IdentityProof, "ORDER_AND_EMAIL" | "ORDER_AND_POSTCODE"> | null {
  if (!order || order.is_deleted || order.id !== claim.orderId) return null;
  const billingEmail = order.billing_address.email?.trim().toLowerCase();
  if (claim.email && billingEmail && claim.email === billingEmail) return "ORDER_AND_EMAIL";
  const billingZip = order.billing_address.zip ? normalPostcode(order.billing_address.zip) : "";
  if (claim.postcode && billingZip.length >= 2 && normalPostcode(claim.postcode) === billingZip) return "ORDER_AND_POSTCODE";
  return null;
}
