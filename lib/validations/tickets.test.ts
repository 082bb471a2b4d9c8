import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTicketBodySchema, parseListTicketsQuery, postMessageBodySchema, updateTicketBodySchema } from "./tickets.ts";

const ID = "0199aaaa-bbbb-7ccc-8ddd-eeeeffff0000";

describe("parseListTicketsQuery", () => {
  it("accepts repeated and comma-separated statuses", () => {
    const query = parseListTicketsQuery(new URLSearchParams("status=AWAITING_AGENT,IN_PROGRESS&status=RESOLVED&priority=HIGH&limit=10&bigcommerceOrderId=250"));
    expect(query).toEqual({ status: ["AWAITING_AGENT", "IN_PROGRESS", "RESOLVED"], priority: ["HIGH"], limit: 10, bigcommerceOrderId: 250 });
  });

  it("treats an empty search as none", () => {
    expect(parseListTicketsQuery(new URLSearchParams("q=%20%20"))).toEqual({});
  });

  it.each(["status=NOPE", "limit=0", "limit=101", "limit=ten", "assigneeId=nope", "assignee=them", "unknown=1", "tag=a&tag=b", `assigneeId=${ID}&assignee=me`, "bigcommerceOrderId=x"])(
    "rejects %s",
    (search) => {
      expect(() => parseListTicketsQuery(new URLSearchParams(search))).toThrow(ZodError);
    },
  );
});

describe("ticket bodies", () => {
  it("trims and dedupes on create, rejects unknown fields and bad ids", () => {
    expect(createTicketBodySchema.parse({ subject: "  Hi ", tags: ["a", "a", " b "] })).toEqual({ subject: "Hi", tags: ["a", "b"] });
    expect(createTicketBodySchema.safeParse({ subject: "Hi", status: "OPEN" }).success).toBe(false);
    expect(createTicketBodySchema.safeParse({ subject: "Hi", parentTicketId: "42" }).success).toBe(false);
    expect(createTicketBodySchema.safeParse({ subject: "Hi", customer: { email: "not-an-email" } }).success).toBe(false);
    expect(createTicketBodySchema.safeParse({ subject: "  " }).success).toBe(false);
  });

  it("requires at least one field on update and allows null to unassign", () => {
    expect(updateTicketBodySchema.safeParse({}).success).toBe(false);
    expect(updateTicketBodySchema.parse({ assigneeId: null })).toEqual({ assigneeId: null });
    expect(updateTicketBodySchema.safeParse({ assigneeId: "me" }).success).toBe(false);
    expect(updateTicketBodySchema.safeParse({ status: "DONE" }).success).toBe(false);
  });

  it("limits replies to one Telegram message but not notes", () => {
    const long = "x".repeat(5000);
    expect(postMessageBodySchema.safeParse({ kind: "reply", body: long }).success).toBe(false);
    expect(postMessageBodySchema.safeParse({ kind: "note", body: long }).success).toBe(true);
    expect(postMessageBodySchema.safeParse({ kind: "email", body: "hi" }).success).toBe(false);
    expect(postMessageBodySchema.safeParse({ kind: "note", body: "   " }).success).toBe(false);
  });
});
