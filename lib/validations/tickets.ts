import { z } from "zod";
import { TicketPriority, TicketStatus } from "@/lib/generated/prisma/enums.ts";
import { TEMPLATE_VARIABLES, templatePlaceholders } from "@/lib/templates/render-template.ts";
import { filterText, searchText } from "./query-text.ts";

/**
 * Shapes of /api/v1/tickets requests. Objects are strict (an unknown or misspelt field is a 422,
 * not silently ignored) and ids are checked as uuids before they reach a query.
 */

const subject = z.string().trim().min(1, "Subject is required").max(200);
const category = z.string().trim().min(1).max(100);
const tags = z
  .array(z.string().trim().min(1).max(50))
  .max(20)
  .transform((values) => [...new Set(values)]);
const status = z.enum(TicketStatus);
const priority = z.enum(TicketPriority);
const messageBody = z.string().trim().min(1, "The message is empty").max(10_000);

// Telegram refuses longer texts; a reply must fit in one message.
export const MAX_REPLY_LENGTH = 4096;

export const listTicketsQuerySchema = z
  .strictObject({
    status: z.array(status).optional(),
    priority: z.array(priority).optional(),
    assigneeId: z.uuid().optional(),
    assignee: z.enum(["me", "none"]).optional(),
    teamId: z.uuid().optional(),
    tag: filterText(50).optional(),
    customerId: z.uuid().optional(),
    // BigCommerce order ids are PostgreSQL integers.
    bigcommerceOrderId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    // An empty search box means no search.
    q: searchText(),
    slaAtRisk: z.stringbool().optional(),
    snoozed: z.stringbool().optional(),
    // true: only order tickets nobody has been asked about yet (the Watching view); false: only work.
    watched: z.stringbool().optional(),
    cursor: z.string().min(1).max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  })
  .refine((query) => !(query.assigneeId && query.assignee), { message: "Use assigneeId or assignee, not both", path: ["assignee"] });

export type ListTicketsQuery = z.infer<typeof listTicketsQuerySchema>;

const LIST_KEYS = new Set(["status", "priority"]);

/**
 * Query string → object for listTicketsQuerySchema. List filters accept `?status=A&status=B` and
 * `?status=A,B`; any other key given twice stays an array so the schema rejects it.
 */
export function parseListTicketsQuery(searchParams: URLSearchParams): ListTicketsQuery {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    if (LIST_KEYS.has(key)) {
      raw[key] = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter(Boolean);
    } else {
      raw[key] = values.length === 1 ? (values[0] ?? "") : values;
    }
  }
  return listTicketsQuerySchema.parse(raw);
}

export const createTicketBodySchema = z.strictObject({
  subject,
  body: messageBody.optional(),
  priority: priority.optional(),
  category: category.nullable().optional(),
  tags: tags.optional(),
  customer: z
    .strictObject({
      email: z.email().max(254).optional(),
      name: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  // BigCommerce order ids are PostgreSQL integers.
  bigcommerceOrderId: z.number().int().positive().max(2_147_483_647).optional(),
  parentTicketId: z.uuid().optional(),
});

export type CreateTicketBody = z.infer<typeof createTicketBodySchema>;

export const updateTicketBodySchema = z
  .strictObject({
    subject: subject.optional(),
    priority: priority.optional(),
    category: category.nullable().optional(),
    tags: tags.optional(),
    status: status.optional(),
    assigneeId: z.uuid().nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export type UpdateTicketBody = z.infer<typeof updateTicketBodySchema>;

export const postMessageBodySchema = z
  .strictObject({
    kind: z.enum(["reply", "note"]),
    body: messageBody,
    // Optional, so clients that predate them send as before: the last thread entry the agent saw
    // (null: none), checked against newer replies by others (409) unless sendAnyway says not to.
    lastSeenMessageId: z.uuid().nullable().optional(),
    sendAnyway: z.boolean().optional(),
  })
  .refine((message) => message.kind !== "reply" || message.body.length <= MAX_REPLY_LENGTH, {
    message: `A reply can be at most ${MAX_REPLY_LENGTH} characters`,
    path: ["body"],
  })
  // The SPEC's template rule holds even for text pasted by hand: a customer never gets a literal [order_id].
  .refine((message) => message.kind !== "reply" || !unfilledVariables(message.body).length, {
    message: "The reply still contains a template variable: fill it or pick the template again",
    path: ["body"],
  });

function unfilledVariables(body: string): string[] {
  return templatePlaceholders(body).filter((name) => (TEMPLATE_VARIABLES as readonly string[]).includes(name));
}

export type PostMessageBody = z.infer<typeof postMessageBodySchema>;
