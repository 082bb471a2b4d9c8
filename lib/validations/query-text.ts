import { z } from "zod";

// PostgreSQL text cannot hold U+0000: a search or tag carrying one is the client's error (400), not a 500 at the database.
const storableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes("\u0000"), "must not contain U+0000 (NUL)");

/** A search box's text: empty means no search. */
export function searchText(max = 200) {
  return storableText(max)
    .optional()
    .transform((value) => value || undefined);
}

/** A one-word filter such as a tag. */
export function filterText(max: number) {
  return storableText(max).pipe(z.string().min(1));
}
