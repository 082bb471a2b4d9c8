import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors.ts";
import { decodeTicketCursor, encodeTicketCursor } from "./ticket-cursor.ts";

describe("ticket cursor", () => {
  it("round-trips and is url-safe", () => {
    const cursor = { updatedAt: new Date("2026-03-04T05:06:07.089Z"), id: "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000" };
    const encoded = encodeTicketCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTicketCursor(encoded)).toEqual(cursor);
  });

  it.each(["", "garbage!", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["not a date","0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000"]').toString("base64url"), Buffer.from('["2026-01-01T00:00:00Z","x"]').toString("base64url")])(
    "refuses %j as a bad request",
    (value) => {
      expect(() => decodeTicketCursor(value)).toThrow(AppError);
      try {
        decodeTicketCursor(value);
      } catch (error) {
        expect((error as AppError).code).toBe("BAD_REQUEST");
      }
    },
  );
});
