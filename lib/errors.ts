/** Domain errors carry an HTTP-neutral code; lib/api/handle-error.ts maps codes to statuses. */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION_FAILED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "RATE_LIMITED"
  | "UNPROCESSABLE"
  | "PAYLOAD_TOO_LARGE"
  | "UPSTREAM_FAILED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}
