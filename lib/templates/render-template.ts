/** Variables a template may use, as `[name]`. Values come from the ticket's order and customer. */
export const TEMPLATE_VARIABLES = [
  "order_id",
  "order_status",
  "order_total",
  "order_date",
  "shipment_date",
  "shipment_status",
  "tracking_url",
  "tracking_number",
  "carrier",
  "customer_name",
  "customer_email",
  "ticket_number",
  "agent_name",
  // A signed "Chat with us on Telegram" link for the ticket's order (lib/chat-links/start-link.ts).
  "telegram_link",
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

export type RenderResult =
  | { ok: true; text: string }
  | { ok: false; missing: string[]; unknown: string[]; message: string };

const PLACEHOLDER = /\[([a-z][a-z0-9_]*)\]/g;

function isKnown(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/** The `[variable]` names a template uses, in order of first appearance. */
export function templatePlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** Names a template uses that Tern cannot fill at all: refused when the template is saved. */
export function unknownPlaceholders(body: string): string[] {
  return templatePlaceholders(body).filter((name) => !isKnown(name));
}

/**
 * Fills every placeholder, or refuses: a reply is never sent with a blank or a literal
 * `[placeholder]` (SPEC, "Agent inbox").
 */
export function renderTemplate(body: string, values: TemplateValues): RenderResult {
  const names = templatePlaceholders(body);
  const unknown = names.filter((name) => !isKnown(name));
  const missing = names.filter((name) => isKnown(name) && !values[name]?.trim());
  if (unknown.length || missing.length) {
    const parts = [];
    if (missing.length) parts.push(`this ticket's order has no ${missing.map((name) => `[${name}]`).join(", ")}`);
    if (unknown.length) parts.push(`unknown variable${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => `[${name}]`).join(", ")}`);
    return { ok: false, missing, unknown, message: `Template cannot be used: ${parts.join("; ")}.` };
  }
  const text = body.replace(PLACEHOLDER, (_whole, name: TemplateVariable) => values[name]!.trim());
  return { ok: true, text };
}
