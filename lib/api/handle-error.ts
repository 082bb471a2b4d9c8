import { ZodError } from "zod";
import { isAppError, type AppErrorCode } from "@/lib/errors.ts";
import { errorResponse } from "./error-response.ts";
import { describeIssue } from "./describe-issue.ts";

const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  VALIDATION_FAILED: 422,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  UPSTREAM_FAILED: 502,
  RATE_LIMITED: 429,
};

type PrismaKnownError = { name: string; code: string };

// Matched by shape, not instanceof: the server and Next's bundle may each load their own copy of the Prisma runtime.
function isPrismaKnownError(error: unknown): error is PrismaKnownError {
  return (
    error instanceof Error &&
    error.name === "PrismaClientKnownRequestError" &&
    typeof (error as Partial<PrismaKnownError>).code === "string"
  );
}

// The database is unreachable, restarting or out of connections: nothing was stored, and the same
// request will work again shortly. P1001 can't reach, P1002/P1008 timed out, P1017 connection
// closed by the server, P2024 no pool connection in time.
const DATABASE_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const RETRY_AFTER_SECONDS = 5;

// The same, from node-postgres itself (the hot statements run on it directly, lib/db/direct-rows.ts):
// the socket's errors, and PostgreSQL refusing connections while it stops, starts or is full.
const DRIVER_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "57P01", "57P02", "57P03", "53300"]);
// What the driver and its pool say without a code: a connection lost mid-statement, or none free in time.
const DRIVER_UNAVAILABLE_MESSAGE = /^Connection terminated|timeout exceeded when trying to connect/;

function databaseUnavailableCode(error: unknown): string | null {
  if (isPrismaKnownError(error)) return DATABASE_UNAVAILABLE.has(error.code) ? error.code : null;
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && DRIVER_UNAVAILABLE.has(code)) return code;
  return DRIVER_UNAVAILABLE_MESSAGE.test(error.message) ? "connection" : null;
}

/** Every failure of an /api/v1 handler becomes the API's error body with its HTTP status, here and only here. */
export function handleApiError(error: unknown): Response {
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.map(String).join("."), code: issue.code, message: describeIssue(issue) }));
    return errorResponse(422, "VALIDATION_FAILED", "The request is not valid", details);
  }
  if (isAppError(error)) return errorResponse(STATUS_BY_CODE[error.code], error.code, error.message, error.details);
  // JSON.parse failures that escaped readJson (e.g. request.json() called directly).
  if (error instanceof SyntaxError) return errorResponse(400, "BAD_REQUEST", "The request body is not valid JSON");
  if (isPrismaKnownError(error)) {
    if (error.code === "P2025") return errorResponse(404, "NOT_FOUND", "Not found");
    if (error.code === "P2002") return errorResponse(409, "CONFLICT", "A record with these values already exists");
  }
  const unavailable = databaseUnavailableCode(error);
  if (unavailable) {
    // One line, not a stack per request: during a restart every request lands here.
    console.error(`[api] database unavailable (${unavailable}): answered 503`);
    return errorResponse(503, "UNAVAILABLE", "Tern cannot reach its database right now; retry shortly", undefined, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  // Unknown failures are logged with their stack here and never shown to the client.
  console.error("[api] unhandled error", error);
  return errorResponse(500, "INTERNAL", "Something went wrong on our side");
}
