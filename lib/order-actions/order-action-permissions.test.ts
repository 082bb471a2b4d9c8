import { describe, expect, it } from "vitest";
import { orderActionPermissions, refundNeedsApproval, requireOrderActionRole } from "./order-action-permissions.ts";

describe("order action permissions", () => {
  it("holds only an agent's refund above the threshold", () => {
    expect(refundNeedsApproval("AGENT", 10_001, 10_000)).toBe(true);
    expect(refundNeedsApproval("AGENT", 10_000, 10_000)).toBe(false);
    expect(refundNeedsApproval("SUPERVISOR", 50_000, 10_000)).toBe(false);
    expect(refundNeedsApproval("ADMIN", 50_000, 10_000)).toBe(false);
    expect(refundNeedsApproval("AGENT", 50_000, null)).toBe(false);
  });

  it("lets agents refund and resend tracking, and only supervisors and admins cancel", () => {
    expect(() => requireOrderActionRole("AGENT", "REFUND")).not.toThrow();
    expect(() => requireOrderActionRole("AGENT", "RESEND_TRACKING")).not.toThrow();
    expect(() => requireOrderActionRole("AGENT", "CANCEL")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireOrderActionRole("SUPERVISOR", "CANCEL")).not.toThrow();
  });

  it("tells the inbox which buttons a role gets: approving and cancelling are for supervisors and admins", () => {
    expect(orderActionPermissions("AGENT")).toEqual({ refund: true, cancel: false, resendTracking: true, approve: false });
    expect(orderActionPermissions("SUPERVISOR")).toEqual({ refund: true, cancel: true, resendTracking: true, approve: true });
    expect(orderActionPermissions("ADMIN")).toEqual({ refund: true, cancel: true, resendTracking: true, approve: true });
  });
});
