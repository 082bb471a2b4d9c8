import { describe, expect, it, vi } from "vitest";
import { isPermanentEventError, PermanentEventError } from "@/lib/inbound/inbound-event-types.ts";
import { AppError, isAppError } from "./errors.ts";
import type * as Errors from "./errors.ts";
import type * as InboundEventTypes from "@/lib/inbound/inbound-event-types.ts";

describe("errors recognised across copies of lib", () => {
  it("knows an AppError made by another copy of the module, where instanceof does not", async () => {
    vi.resetModules();
    const copy: typeof Errors = await import("./errors.ts");
    const fromCopy = new copy.AppError("NOT_FOUND", "Ticket not found");
    expect(fromCopy instanceof AppError).toBe(false);
    expect(isAppError(fromCopy)).toBe(true);
    expect(isAppError(new AppError("CONFLICT", "taken"))).toBe(true);
  });

  it("does not take a look-alike for one: a name is not a brand", () => {
    const lookAlike = Object.assign(new Error("Ticket not found"), { name: "AppError", code: "NOT_FOUND" });
    expect(isAppError(lookAlike)).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError("AppError")).toBe(false);
  });

  it("knows a permanent event error from another copy, and only that", async () => {
    vi.resetModules();
    const copy: typeof InboundEventTypes = await import("@/lib/inbound/inbound-event-types.ts");
    expect(isPermanentEventError(new copy.PermanentEventError("bad payload"))).toBe(true);
    expect(isPermanentEventError(new PermanentEventError("bad payload"))).toBe(true);
    expect(isPermanentEventError(Object.assign(new Error("x"), { name: "PermanentEventError" }))).toBe(false);
  });
});
