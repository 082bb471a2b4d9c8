import { describe, expect, it } from "vitest";
import { orderPlacedAt } from "./order-entries.ts";
import { comesBefore, decodeTimelineCursor, encodeTimelineCursor } from "./timeline-cursor.ts";

const ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

describe("timeline cursor", () => {
  it("round-trips the position it encodes", () => {
    const at = new Date("2026-12-07T10:00:00.123Z");
    expect(decodeTimelineCursor(encodeTimelineCursor({ at, id: ID }))).toEqual({ at, id: ID });
  });

  it("is null for anything this API did not make", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const value of ["garbage", "", encode(["2026-12-07T10:00:00Z"]), encode(["not a date", ID]), encode(["2026-12-07T10:00:00Z", "1; DROP TABLE"]), encode(["+020000-01-01T00:00:00Z", ID]), encode({ at: "2026-12-07T10:00:00Z", id: ID })]) {
      expect(decodeTimelineCursor(value)).toBeNull();
    }
  });

  it("orders newest first, then by id as PostgreSQL orders uuids", () => {
    const at = new Date("2026-12-07T10:00:00Z");
    expect(comesBefore({ at: new Date(at.getTime() + 1), id: "0" }, { at, id: "f" })).toBe(true);
    expect(comesBefore({ at, id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c" }, { at, id: ID })).toBe(true);
    expect(comesBefore({ at, id: ID }, { at, id: ID })).toBe(false);
  });
});

describe("orderPlacedAt", () => {
  const firstSeen = new Date("2026-12-07T12:00:00Z");
  it("reads BigCommerce's RFC 2822 date_created", () => {
    expect(orderPlacedAt("Tue, 20 Nov 2012 00:00:00 +0000", firstSeen)).toEqual({ at: new Date("2012-11-20T00:00:00Z"), known: true });
  });
  it("falls back to when Tern first saw the order, and says so", () => {
    expect(orderPlacedAt(null, firstSeen)).toEqual({ at: firstSeen, known: false });
    expect(orderPlacedAt("yesterday-ish", firstSeen)).toEqual({ at: firstSeen, known: false });
  });
});
