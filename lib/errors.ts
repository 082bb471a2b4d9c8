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

// The web process loads `lib` twice (Next's bundle and server.ts), so one error class may exist in
// two copies and `instanceof` would miss the other's. A registered symbol is the same in every
// copy: errors carry it as their brand, and are recognised by it.
const APP_ERROR = Symbol.for("tern.error.app");

/** Whether `error` carries `brand` (a Symbol.for), whichever copy of its class made it. */
export function hasBrand(error: unknown, brand: symbol): boolean {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}

Object.defineProperty(AppError.prototype, APP_ERROR, { value: true });

export function isAppError(error: unknown): error is AppError {
  return hasBrand(error, APP_ERROR);
}
