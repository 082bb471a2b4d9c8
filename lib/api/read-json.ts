import { AppError } from "@/lib/errors.ts";
import type { IncomingDelivery } from "./incoming-delivery.ts";
import { parseJsonBody } from "./parse-json-body.ts";
import { readLimitedText } from "./read-limited-text.ts";

// Far above any body Tern's API accepts (an article is at most 20,000 characters), far below what
// would strain the server's memory: a larger body is refused before it is read in full.
export const MAX_JSON_BYTES = 1_000_000;

/**
 * The request body as JSON; an empty, malformed or oversized body is the client's error (400), never a 500.
 * keepUnstorable: for callers that store the body where U+0000 and lone surrogates are cleaned out (the inbound event log).
 */
export async function readJson(request: Request | IncomingDelivery, options: { keepUnstorable?: boolean } = {}): Promise<unknown> {
  const text = request instanceof Request ? await readLimitedText(request, MAX_JSON_BYTES) : await request.text(MAX_JSON_BYTES);
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON object");
  return parseJsonBody(text, options);
}
