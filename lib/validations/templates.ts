import { z } from "zod";

const name = z.string().trim().min(1, "Name is required").max(100);
// A template becomes one Telegram message once filled: keep room for the filled values.
const body = z.string().trim().min(1, "The template is empty").max(4000);
const purpose = z.enum(["shipment"]).nullable();

export const createTemplateBodySchema = z.strictObject({ name, body, purpose: purpose.optional() });

export const updateTemplateBodySchema = z
  .strictObject({ name: name.optional(), body: body.optional(), purpose: purpose.optional() })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export const renderTemplateBodySchema = z.strictObject({ templateId: z.uuid() });
