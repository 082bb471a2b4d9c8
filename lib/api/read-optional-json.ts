import { parseJsonBody } from "./parse-json-body.ts";
import { MAX_JSON_BYTES } from "./read-json.ts";
import { readLimitedText } from "./read-limited-text.ts";

/** Like readJson, for requests whose body may be left out: an empty body reads as `{}`. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await readLimitedText(request, MAX_JSON_BYTES);
  if (!text.trim()) return {};
  return parseJsonBody(text);
}
