"use client";

/** A failed /api/v1 call, carrying the API's error code and human message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } };

/** A validation failure names the field rule that failed (e.g. "A reply can be at most 4096 characters"): show that, not the generic line. */
function messageOf(error: NonNullable<ErrorBody["error"]>, status: number): string {
  const detail = Array.isArray(error.details) ? (error.details[0] as { message?: unknown } | undefined)?.message : undefined;
  if (error.code === "VALIDATION_FAILED" && typeof detail === "string" && detail) return detail;
  return error.message ?? `Request failed (${status})`;
}

/** fetch for the browser side of /api/v1: JSON in and out, errors thrown as ApiError with the server's message. */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    credentials: "same-origin",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiError(response.status, error?.code ?? "INTERNAL", error ? messageOf(error, response.status) : `Request failed (${response.status})`, error?.details);
  }
  return body as T;
}
