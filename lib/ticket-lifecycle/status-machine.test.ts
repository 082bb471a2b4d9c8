import { describe, expect, it } from "vitest";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { canTransition, nextStatuses, TICKET_STATUSES } from "./status-machine.ts";

// Written by hand from the spec, NOT derived from the implementation's groups.
// Rows are `from`, columns are `to`, both in this order; "Y" = allowed, "." = refused.
// Assumes the ticket has an assignee (the guard is tested separately below).
const ORDER = [
  "OPEN",
  "AWAITING_AGENT",
  "AGENT_ASSIGNED",
  "IN_PROGRESS",
  "AGENT_NOTIFIED",
  "CUSTOMER_NOTIFIED",
  "PRIORITY_QUEUE",
  "RETURN_PROCESSING",
  "ESCALATED",
  "WAITING_ON_CUSTOMER",
  "RESOLVED",
  "CLOSED",
] as const satisfies readonly TicketStatus[];

//                             to: OP AA AS IP AN CN PQ RP ES WC RS CL
const EXPECTED: Record<(typeof ORDER)[number], string> = {
  OPEN: /*                     */ ".  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y",
  AWAITING_AGENT: /*           */ ".  .  Y  Y  Y  Y  Y  Y  Y  Y  Y  Y",
  AGENT_ASSIGNED: /*           */ ".  Y  .  Y  Y  Y  Y  Y  Y  Y  Y  Y",
  IN_PROGRESS: /*              */ ".  Y  Y  .  Y  Y  Y  Y  Y  Y  Y  Y",
  AGENT_NOTIFIED: /*           */ ".  Y  Y  Y  .  Y  Y  Y  Y  Y  Y  Y",
  CUSTOMER_NOTIFIED: /*        */ ".  Y  Y  Y  Y  .  Y  Y  Y  Y  Y  Y",
  PRIORITY_QUEUE: /*           */ ".  Y  Y  Y  Y  Y  .  Y  Y  Y  Y  Y",
  RETURN_PROCESSING: /*        */ ".  Y  Y  Y  Y  Y  Y  .  Y  Y  Y  Y",
  ESCALATED: /*                */ ".  Y  Y  Y  Y  Y  Y  Y  .  Y  Y  Y",
  WAITING_ON_CUSTOMER: /*      */ ".  Y  Y  Y  Y  Y  Y  Y  Y  .  Y  Y",
  RESOLVED: /*                 */ ".  Y  Y  Y  .  .  .  .  .  .  .  Y",
  CLOSED: /*                   */ ".  .  .  .  .  .  .  .  .  .  .  .",
};

function expectedRow(from: (typeof ORDER)[number]): boolean[] {
  const cells = EXPECTED[from].split(/\s+/);
  expect(cells).toHaveLength(12);
  return cells.map((cell) => cell === "Y");
}

const pairs = ORDER.flatMap((from) => ORDER.map((to, column) => ({ from, to, column })));

describe("canTransition", () => {
  it("covers exactly the 12 statuses of the schema", () => {
    expect([...TICKET_STATUSES].sort()).toEqual([...ORDER].sort());
    expect(pairs).toHaveLength(144);
  });

  it.each(pairs)("$from → $to (with assignee)", ({ from, to, column }) => {
    const allowed = expectedRow(from)[column];
    const result = canTransition(from, to, { hasAssignee: true });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.reason).toMatch(/\w{4,}/);
  });

  it.each(pairs)("$from → $to (without assignee)", ({ from, to, column }) => {
    // Same table, except nothing may enter Agent Assigned without an assignee.
    const allowed = to === "AGENT_ASSIGNED" ? false : expectedRow(from)[column];
    expect(canTransition(from, to, { hasAssignee: false }).ok).toBe(allowed);
  });

  it("explains the assignee guard in words", () => {
    const result = canTransition("AWAITING_AGENT", "AGENT_ASSIGNED", { hasAssignee: false });
    expect(result).toEqual({ ok: false, reason: "A ticket needs an assignee to move to Agent Assigned" });
  });

  it("gives human reasons for refused moves", () => {
    expect(canTransition("IN_PROGRESS", "IN_PROGRESS", { hasAssignee: true })).toEqual({
      ok: false,
      reason: "The ticket is already In Progress",
    });
    expect(canTransition("CLOSED", "AWAITING_AGENT", { hasAssignee: true })).toEqual({
      ok: false,
      reason: "A closed ticket cannot change status",
    });
    const reopen = canTransition("RESOLVED", "ESCALATED", { hasAssignee: true });
    expect(reopen.ok).toBe(false);
    if (!reopen.ok) expect(reopen.reason).toContain("resolved ticket");
    const backToOpen = canTransition("AWAITING_AGENT", "OPEN", { hasAssignee: true });
    expect(backToOpen.ok).toBe(false);
    if (!backToOpen.ok) expect(backToOpen.reason).toContain("Open");
  });
});

describe("nextStatuses", () => {
  it("lists the moves from Resolved", () => {
    expect(nextStatuses("RESOLVED", { hasAssignee: true })).toEqual(["AWAITING_AGENT", "AGENT_ASSIGNED", "IN_PROGRESS", "CLOSED"]);
    expect(nextStatuses("RESOLVED", { hasAssignee: false })).toEqual(["AWAITING_AGENT", "IN_PROGRESS", "CLOSED"]);
  });

  it("offers nothing from Closed", () => {
    expect(nextStatuses("CLOSED", { hasAssignee: true })).toEqual([]);
  });

  it("offers every other active status, Resolved and Closed from Waiting on Customer", () => {
    expect(nextStatuses("WAITING_ON_CUSTOMER", { hasAssignee: true })).toEqual([
      "AWAITING_AGENT",
      "AGENT_ASSIGNED",
      "IN_PROGRESS",
      "AGENT_NOTIFIED",
      "CUSTOMER_NOTIFIED",
      "PRIORITY_QUEUE",
      "RETURN_PROCESSING",
      "ESCALATED",
      "RESOLVED",
      "CLOSED",
    ]);
  });
});
