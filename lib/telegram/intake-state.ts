import type { Message } from "telegraf/types";

/** Why the customer writes, picked from the intake buttons; stored as a ticket tag. */
export const INTAKE_REASONS = ["where", "return", "refund", "other"] as const;
export type IntakeReason = (typeof INTAKE_REASONS)[number];

/**
 * Where a Telegram chat is in the intake flow (ChannelIdentity.intakeState).
 * "awaiting_identifier": asked for an order number or email; messages written meanwhile wait in
 * `pending` and open the ticket with it. "done": identified (or went on without an order);
 * messages join the open ticket.
 */
export type IntakeState = {
  step: "awaiting_identifier" | "done";
  reason?: IntakeReason;
  pending: Message[];
  /** How many times the bot asked again for an identifier, to ask less as the customer writes on. */
  reminders: number;
};

/** Pending messages kept before identification; older ones beyond this are dropped from the queue, not from Telegram. */
export const MAX_PENDING = 20;

export function isIntakeReason(value: unknown): value is IntakeReason {
  return typeof value === "string" && (INTAKE_REASONS as readonly string[]).includes(value);
}

/** Reads the stored JSON defensively: a malformed value starts the intake afresh rather than failing the update. */
export function parseIntakeState(value: unknown): IntakeState | null {
  if (!value || typeof value !== "object") return null;
  const raw = value as Record<string, unknown>;
  if (raw.step !== "awaiting_identifier" && raw.step !== "done") return null;
  return {
    step: raw.step,
    ...(isIntakeReason(raw.reason) ? { reason: raw.reason } : {}),
    pending: Array.isArray(raw.pending) ? (raw.pending.filter((item) => item && typeof item === "object") as Message[]) : [],
    reminders: typeof raw.reminders === "number" ? raw.reminders : 0,
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
    return Number.isSafeInteger(orderId) && orderId > 0 && orderId <= 2_147_483_647 ? { kind: "order", orderId } : null;
  }
  if (EMAIL.test(trimmed) && trimmed.length <= 254) return { kind: "email", email: trimmed.toLowerCase() };
  return null;
}
