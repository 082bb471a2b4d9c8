import { AppError } from "@/lib/errors.ts";
import { TEMPLATE_VARIABLES, unknownPlaceholders } from "./render-template.ts";

/** Refuses, at save time, a template using a variable Tern can never fill (a typo like [order_number]). */
export function checkTemplateBody(body: string): void {
  const unknown = unknownPlaceholders(body);
  if (unknown.length === 0) return;
  const names = unknown.map((name) => `[${name}]`).join(", ");
  const message = `Unknown variable${unknown.length > 1 ? "s" : ""} ${names}. Use only: ${TEMPLATE_VARIABLES.map((name) => `[${name}]`).join(", ")}`;
  // Shaped like a schema failure on the body field, so clients show it where they show those.
  throw new AppError("VALIDATION_FAILED", message, [{ path: "body", code: "unknown_variable", message, unknown }]);
}
