/**
 * Words of free text as a PostgreSQL OR-query (`refund | parcel | broken`) for to_tsquery:
 * suggestions should rank articles sharing any word, where websearch_to_tsquery would demand
 * all of them. Only letters and digits survive, so the result is always valid tsquery syntax.
 */
export function anyWordQuery(text: string, maxWords = 40): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const unique = [...new Set(words)].slice(0, maxWords);
  return unique.length ? unique.join(" | ") : null;
}
