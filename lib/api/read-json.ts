import { AppError } from "@/lib/errors.ts";

/** The request body as JSON; an empty or malformed body is the client's error (400), never a 500. */
export async function readJson(request: Request): Promise<unknown> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body could not be read");
  }
  if (!text.trim()) throw new AppError("BAD_REQUEST", "The request body is empty: send a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}
