import { AppError, isAppError } from "@/lib/errors.ts";

/** The request body as text, refusing (400) a body over `maxBytes` without reading all of it. */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError("BAD_REQUEST", "The request body is too large");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError("BAD_REQUEST", "The request body is too large");
      }
      chunks.push(value);
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError("BAD_REQUEST", "The request body could not be read");
  }
  return Buffer.concat(chunks).toString("utf8");
}
