import { describe, expect, it } from "vitest";
import type { MessageDto } from "@/lib/tickets/ticket-dto.ts";
import { repliesSince } from "./replies-since.ts";

const ADA = "00000000-0000-7000-8000-00000000000a";
const BEN = "00000000-0000-7000-8000-00000000000b";

function entry(id: string, kind: MessageDto["kind"], authorId: string | null): MessageDto {
  return {
    id,
    ticketId: "t",
    kind,
    channel: kind === "NOTE" ? "INTERNAL" : "TELEGRAM",
    author: authorId ? { id: authorId, name: authorId === BEN ? "Ben" : "Ada" } : null,
    body: id,
    attachments: [],
    deliveryStatus: null,
    deliveryError: null,
    editedAt: null,
    meta: null,
    createdAt: "2026-12-01T10:00:00.000Z",
  };
}

const thread = [
  entry("customer-1", "INBOUND", null),
  entry("ben-before", "OUTBOUND", BEN),
  entry("customer-2", "INBOUND", null),
  entry("ben-note", "NOTE", BEN),
  entry("automatic", "OUTBOUND", null),
  entry("ada-own", "OUTBOUND", ADA),
  entry("ben-after", "OUTBOUND", BEN),
];

describe("repliesSince", () => {
  it("finds only other people's replies after the entry the agent saw", () => {
    expect(repliesSince(thread, "customer-2", ADA)?.map((message) => message.id)).toEqual(["ben-after"]);
    expect(repliesSince(thread, "ben-after", ADA)).toEqual([]);
  });

  it("counts every other person's reply when the agent saw an empty thread", () => {
    expect(repliesSince(thread, null, ADA)?.map((message) => message.id)).toEqual(["ben-before", "ben-after"]);
    expect(repliesSince(thread, null, BEN)?.map((message) => message.id)).toEqual(["ada-own"]);
  });

  it("cannot tell when the entry seen is gone from the thread", () => {
    expect(repliesSince(thread, "moved-away", ADA)).toBeNull();
  });
});
