import { AppError } from "@/lib/errors.ts";
import type { OrderActionKind, Role } from "@/lib/generated/prisma/enums.ts";

/**
 * Who may act on orders from a ticket. Refunds and tracking are everyday agent work (refunds above
 * the store's threshold wait for a supervisor); cancelling an order cannot be undone and is for
 * supervisors and admins. Approving a held refund is for supervisors and admins.
 */
const ALLOWED: Record<OrderActionKind, readonly Role[]> = {
  REFUND: ["AGENT", "SUPERVISOR", "ADMIN"],
  CANCEL: ["SUPERVISOR", "ADMIN"],
  RESEND_TRACKING: ["AGENT", "SUPERVISOR", "ADMIN"],
};

export const APPROVER_ROLES: readonly Role[] = ["SUPERVISOR", "ADMIN"];

export function requireOrderActionRole(role: Role, kind: OrderActionKind): void {
  if (!ALLOWED[kind].includes(role)) throw new AppError("FORBIDDEN", `Your role (${role.toLowerCase()}) may not ${kind === "CANCEL" ? "cancel orders" : "do this"}`);
}

export type OrderActionPermissions = { refund: boolean; cancel: boolean; resendTracking: boolean; approve: boolean };

/** What a role may do from a ticket: the inbox shows only these buttons (the server checks again on every call). */
export function orderActionPermissions(role: Role): OrderActionPermissions {
  return {
    refund: ALLOWED.REFUND.includes(role),
    cancel: ALLOWED.CANCEL.includes(role),
    resendTracking: ALLOWED.RESEND_TRACKING.includes(role),
    approve: APPROVER_ROLES.includes(role),
  };
}

/** Refunds above the threshold need an approver, unless an approver asks for them. */
export function refundNeedsApproval(role: Role, amountCents: number, thresholdCents: number | null): boolean {
  return thresholdCents !== null && amountCents > thresholdCents && !APPROVER_ROLES.includes(role);
}
