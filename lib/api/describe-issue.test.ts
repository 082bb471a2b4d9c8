import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssue, fieldLabel } from "./describe-issue.ts";

const messages = (schema: z.ZodType, value: unknown) => (schema.safeParse(value).error?.issues ?? []).map(describeIssue);

describe("describeIssue", () => {
  it("says what is wrong in plain words, naming the field", () => {
    const schema = z.strictObject({
      firstResponseSeconds: z.number().int().min(0),
      businessHours: z.object({ timeZone: z.string().min(1) }),
      name: z.string().trim().min(1).max(10),
      email: z.email(),
      priority: z.enum(["LOW", "HIGH"]),
      tags: z.array(z.string()).max(1),
    });
    expect(messages(schema, { firstResponseSeconds: -5, businessHours: { timeZone: "" }, name: "x".repeat(11), email: "nope", priority: "MEDIUM", tags: ["a", "b"], extra: 1 })).toEqual([
      "First response seconds must be 0 or more.",
      "Business hours time zone is required.",
      "Name must be at most 10 characters.",
      "Email must be an email address.",
      "Priority must be one of: LOW, HIGH.",
      "Tags must be at most 1 item.",
      "The request has fields Tern does not know: extra.",
    ]);
    expect(messages(schema, {})[0]).toBe("First response seconds is required.");
    expect(messages(z.object({ capacity: z.number() }), { capacity: "3" })).toEqual(["Capacity must be a number."]);
  });

  it("keeps a schema's own words", () => {
    const schema = z.object({ timeZone: z.string().refine(() => false, { message: "Unknown time zone: use a name such as Europe/Berlin" }) });
    expect(messages(schema, { timeZone: "Mars/Olympus" })).toEqual(["Unknown time zone: use a name such as Europe/Berlin"]);
  });

  it("labels nested fields and list positions", () => {
    expect(fieldLabel(["conditions", "category", 0])).toBe("Conditions category 1");
    expect(fieldLabel([])).toBe("The request");
  });
});
