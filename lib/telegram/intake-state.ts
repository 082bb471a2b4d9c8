import type { Message } from "telegraf/types";

/** Why the customer writes, picked from the intake buttons; stored as a ticket tag. */
export const INTAKE_REASONS = ["where", "return", "refund", "other"] as const;
export type IntakeReason = (typeof INTAKE_REASONS)[number];

/**
 * Where a Telegram chat is in the intake flow (ChannelIdentity.intakeState).
 * "awaiting_identifier": asked for an order number with its billing email or postcode; messages
 * written meanwhile wait in `pending` and open the ticket with it. "done": the conversation is
 * open (verified, or unverified and reaching a person anyway); messages join the open ticket.
 */
export type IntakeState = {
  step: "awaiting_identifier" | "done";
  reason?: IntakeReason;
  pending: Message[];
  /** How many times the bot asked again for an identifier, to ask less as the customer writes on. */
  reminders: number;
  /** Half a proof so far: the order number waiting for its email or postcode, or the reverse. */
  claim?: { orderId?: number; email?: string };
  /** The order a verified chat came in with (a signed link): the ticket it opens is about it. */
  orderId?: number;
};

/** Pending messages kept before identification; older ones beyond this are dropped from the queue, not from Telegram. */
export const MAX_PENDING = 20;

export function isIntakeReason(value: unknown): value is IntakeReason {
  return typeof value === "string" && (INTAKE_REASONS as readonly string[]).includes(value);
}

/** A BigCommerce order number Tern accepts: a positive 32-bit integer (the id column's range). */
export function isOrderNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;
}

function parseClaim(value: unknown): IntakeState["claim"] | null {
  if (!value || typeof value !== "object") return null;
  const raw = value as Record<string, unknown>;
  const claim = { ...(isOrderNumber(raw.orderId) ? { orderId: raw.orderId } : {}), ...(typeof raw.email === "string" && raw.email.length <= 254 ? { email: raw.email } : {}) };
  return Object.keys(claim).length ? claim : null;
}

/** Reads the stored JSON defensively: a malformed value starts the intake afresh rather than failing the update. */
export function parseIntakeState(value: unknown): IntakeState | null {
  if (!value || typeof value !== "object") return null;
  const raw = value as Record<string, unknown>;
  if (raw.step !== "awaiting_identifier" && raw.step !== "done") return null;
  const claim = parseClaim(raw.claim);
  return {
    step: raw.step,
    ...(isIntakeReason(raw.reason) ? { reason: raw.reason } : {}),
    pending: Array.isArray(raw.pending) ? (raw.pending.filter((item) => item && typeof item === "object") as Message[]) : [],
    reminders: typeof raw.reminders === "number" ? raw.reminders : 0,
    ...(claim ? { claim } : {}),
    ...(isOrderNumber(raw.orderId) ? { orderId: raw.orderId } : {}),
  };
}

export type IdentifierGuess = { kind: "order"; orderId: number } | { kind: "email"; email: string } | null;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "1024", "#1024", "order 1024" → an order number; "kim@example.com" → an email; anything else → null. */
export function guessIdentifier(text: string): IdentifierGuess {
  const trimmed = text.trim();
  const order = /^(?:order\s*)?(?:no\.?\s*|number\s*)?#?\s*(\d{1,10})$/i.exec(trimmed);
  if (order) {
    const orderId = Number(order[1]);
    return isOrderNumber(orderId) ? { kind: "order", orderId } : null;
  }
  if (EMAIL.test(trimmed) && trimmed.length <= 254) return { kind: "email", email: trimmed.toLowerCase() };
  return null;
}
