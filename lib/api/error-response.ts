import type { AppErrorCode } from "@/lib/errors.ts";

export type ErrorCode = AppErrorCode | "INTERNAL" | "METHOD_NOT_ALLOWED" | "UNAVAILABLE";

/** The one error body of the public API: `{ "error": { "code", "message", "details"? } }`. */
export function errorResponse(status: number, code: ErrorCode, message: string, details?: unknown, headers?: HeadersInit): Response {
  const error = details === undefined ? { code, message } : { code, message, details };
  return Response.json({ error }, { status, headers });
}
