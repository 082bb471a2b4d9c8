import { describe, expect, it } from "vitest";
import type { TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { CLOCK_STOPPED_STATUSES, FINISHED_STATUSES, OPEN_STATUSES, TICKET_STATUSES } from "./status-machine.ts";
import { statusListSql } from "./status-sql.ts";

describe("status groups", () => {
  it("split every status into open and finished, and stop the clocks while waiting on the customer or finished", () => {
    expect([...OPEN_STATUSES, ...FINISHED_STATUSES].sort()).toEqual([...TICKET_STATUSES].sort());
    expect([...CLOCK_STOPPED_STATUSES].sort()).toEqual(["CLOSED", "RESOLVED", "WAITING_ON_CUSTOMER"]);
  });

  it("render as an SQL list of literals, and refuse anything that is not a status", () => {
    expect(statusListSql(CLOCK_STOPPED_STATUSES).sql).toBe("'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'");
    expect(() => statusListSql(["OPEN'); DROP TABLE x; --" as TicketStatus])).toThrow();
  });
});
