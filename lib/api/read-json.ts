import { AppError } from "@/lib/errors.ts";
import { parseJsonBody } from "./parse-json-body.ts";

/**
 * The request body as JSON; an empty or malformed body is the client's error (400), never a 500.
 * keepUnstorable: for callers that store the body where U+0000 and lone surrogates are cleaned out (the inbound event log).
 */
export async function readJson(request: Request, options: { keepUnstorable?: boolean } = {}): Promise<unknown> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body could not be read");
  }
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON object");
  return parseJsonBody(text, options);
}
