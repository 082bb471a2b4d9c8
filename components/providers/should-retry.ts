/**
 * Whether a failed query is tried again (at most three times): only when trying again can help, a
 * network failure, a 5xx, a timeout or a 429. A 4xx ("Ticket not found", no access) is the answer,
 * shown at once instead of after seconds of retries.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : null;
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) return false;
  return failureCount < 3;
}
