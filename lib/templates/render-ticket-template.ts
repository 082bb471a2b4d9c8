import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { getTemplate } from "./get-template.ts";
import { loadOrderTemplateValues } from "./load-order-template-values.ts";
import { renderTemplate, templatePlaceholders, type TemplateVariable } from "./render-template.ts";

export type RenderedTemplate = {
  templateId: string;
  text: string;
  /** The value each variable of the template took, for the composer's preview. */
  values: Partial<Record<TemplateVariable, string>>;
};

/**
 * A template filled from this ticket's order, customer and agent, or refused (422) with the
 * reason when a variable has no value here: the SPEC's rule that a reply never goes out with a
 * blank or a literal [placeholder].
 */
export async function renderTicketTemplate(db: Db, input: { storeId: string; ticketId: string; templateId: string; agentName: string }): Promise<RenderedTemplate> {
  const { storeId, ticketId } = input;
  const template = await getTemplate(db, { storeId, templateId: input.templateId });
  const values = isUuid(ticketId) ? await loadOrderTemplateValues(db, storeId, ticketId) : null;
  if (!values) throw new AppError("NOT_FOUND", "Ticket not found");
  const filled = { ...values, agent_name: input.agentName };
  const result = renderTemplate(template.body, filled);
  if (!result.ok) throw new AppError("UNPROCESSABLE", result.message, { missing: result.missing, unknown: result.unknown });
  const used = templatePlaceholders(template.body) as TemplateVariable[];
  return { templateId: template.id, text: result.text, values: Object.fromEntries(used.map((name) => [name, filled[name]!.trim()])) };
}
