import { AppError } from "@/lib/errors.ts";
import { parseJsonBody } from "./parse-json-body.ts";

/** Like readJson, for requests whose body may be left out: an empty body reads as `{}`. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body could not be read");
  }
  if (!text.trim()) return {};
  return parseJsonBody(text);
}
