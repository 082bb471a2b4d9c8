"use client";

/** A failed /api/v1 call with the server's message, ready to show in a form. */
export class SupervisorApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "SupervisorApiError";
  }
}

type ErrorBody = { error?: { message?: string; details?: unknown } };

function describe(body: ErrorBody | null, status: number): string {
  const error = body?.error;
  // Validation failures list their issues, each a sentence that names its field (lib/api/describe-issue.ts): the first is what the user fixes.
  const issues = Array.isArray(error?.details) ? (error.details as { message?: string }[]) : [];
  const first = issues[0];
  if (first?.message) return first.message;
  return error?.message ?? `Request failed (${status})`;
}

export async function supervisorApi<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    credentials: "same-origin",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw new SupervisorApiError(response.status, describe(body as ErrorBody | null, response.status), (body as ErrorBody | null)?.error?.details);
  return body as T;
}
