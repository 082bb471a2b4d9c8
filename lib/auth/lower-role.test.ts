import { describe, expect, it } from "vitest";
import { lowerRole, outranks } from "./lower-role.ts";

describe("lowerRole", () => {
  it("takes the lesser role whichever side it is on", () => {
    expect(lowerRole("ADMIN", "AGENT")).toBe("AGENT");
    expect(lowerRole("AGENT", "SUPERVISOR")).toBe("AGENT");
    expect(lowerRole("SUPERVISOR", "ADMIN")).toBe("SUPERVISOR");
    expect(lowerRole("ADMIN", "ADMIN")).toBe("ADMIN");
  });

  it("says when a role is above another", () => {
    expect(outranks("ADMIN", "SUPERVISOR")).toBe(true);
    expect(outranks("SUPERVISOR", "AGENT")).toBe(true);
    expect(outranks("AGENT", "AGENT")).toBe(false);
    expect(outranks("AGENT", "ADMIN")).toBe(false);
  });
});
