import { describe, expect, it } from "vitest";
import { TICKET_STATUSES, canTransition } from "./status-machine.ts";
import { customerMessageMove, escalationMoves, returnParentMove, shipmentNoticeMove, statusNoteMove } from "./event-moves.ts";

// Every move chosen must be one the state machine accepts, from every status a ticket can be in.
describe("order event moves", () => {
  for (const status of TICKET_STATUSES) {
    it(`from ${status} only proposes allowed moves`, () => {
      const single = [statusNoteMove(status), shipmentNoticeMove(status), returnParentMove(status)];
      for (const to of single) if (to) expect(canTransition(status, to, { hasAssignee: false }).ok).toBe(true);
      for (const hasAssignee of [true, false]) {
        const to = customerMessageMove(status, hasAssignee);
        if (to) expect(canTransition(status, to, { hasAssignee }).ok).toBe(true);
      }
      let from = status;
      for (const to of escalationMoves(status)) {
        expect(canTransition(from, to, { hasAssignee: false }).ok).toBe(true);
        from = to;
      }
    });
  }

  it("follows the SPEC table's named rows", () => {
    expect(statusNoteMove("IN_PROGRESS")).toBe("AGENT_NOTIFIED");
    expect(escalationMoves("AWAITING_AGENT")).toEqual(["PRIORITY_QUEUE"]);
    expect(shipmentNoticeMove("IN_PROGRESS")).toBe("CUSTOMER_NOTIFIED");
    expect(returnParentMove("AWAITING_AGENT")).toBe("RETURN_PROCESSING");
    expect(customerMessageMove("AWAITING_AGENT", true)).toBe("AGENT_ASSIGNED");
  });

  it("keeps queued tickets queued on routine news and never pulls escalations down", () => {
    expect(statusNoteMove("AWAITING_AGENT")).toBeNull();
    expect(statusNoteMove("PRIORITY_QUEUE")).toBeNull();
    expect(shipmentNoticeMove("PRIORITY_QUEUE")).toBeNull();
    expect(shipmentNoticeMove("ESCALATED")).toBeNull();
    expect(escalationMoves("ESCALATED")).toEqual([]);
    expect(escalationMoves("RESOLVED")).toEqual(["AWAITING_AGENT", "PRIORITY_QUEUE"]);
    expect(customerMessageMove("AWAITING_AGENT", false)).toBeNull();
    expect(customerMessageMove("RESOLVED", false)).toBe("AWAITING_AGENT");
  });
});
