import { z } from "zod";
import { filterText, searchText } from "./query-text.ts";

const list = (max: number) =>
  z
    .array(z.string().trim().min(1).max(100))
    .max(max)
    .transform((values) => [...new Set(values)]);

const fields = {
  title: z.string().trim().min(1, "Title is required").max(200),
  body: z.string().trim().min(1, "The article is empty").max(20_000),
  tags: list(20),
  skus: list(200),
  categories: list(50),
  published: z.boolean(),
};

export const createKbArticleBodySchema = z.strictObject({
  title: fields.title,
  body: fields.body,
  tags: fields.tags.optional(),
  skus: fields.skus.optional(),
  categories: fields.categories.optional(),
  published: fields.published.optional(),
});

export const updateKbArticleBodySchema = createKbArticleBodySchema
  .partial()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "Send at least one field to change" });

export const listKbArticlesQuerySchema = z.strictObject({
  q: searchText(),
  tag: filterText(100).optional(),
  published: z.stringbool().optional(),
});
