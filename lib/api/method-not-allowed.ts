import { errorResponse } from "./error-response.ts";

/** For the methods a route file does not serve: Next would answer 405 with an empty body, outside the API's error shape. */
export function methodNotAllowed(allowed: readonly string[]): () => Promise<Response> {
  const allow = allowed.join(", ");
  return async () => errorResponse(405, "METHOD_NOT_ALLOWED", `Allowed methods: ${allow}`, undefined, { Allow: allow });
}
