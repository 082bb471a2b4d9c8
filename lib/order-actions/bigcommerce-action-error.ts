import { isBigcommerceApiError } from "@/lib/bigcommerce/bigcommerce-api-error.ts";
import { AppError, isAppError } from "@/lib/errors.ts";

/** What BigCommerce said, as the error the agent sees: its refusals are 422/409, its outages 422 with a retry hint. */
export function bigcommerceActionError(error: unknown, what: string): AppError {
  if (isAppError(error)) return error;
  if (isBigcommerceApiError(error)) {
    const status = (error as { status: number }).status;
    if (status === 409) return new AppError("CONFLICT", `BigCommerce is already processing a ${what} for this order: wait for it to finish`);
    if (status === 401 || status === 403) return new AppError("UNPROCESSABLE", `BigCommerce refused the ${what}: Tern's access to the store was revoked or lacks the scope (install the app again)`);
    if (status === 404) return new AppError("NOT_FOUND", `BigCommerce has no such order any more (${what})`);
    if (status >= 400 && status < 500) return new AppError("UNPROCESSABLE", `BigCommerce refused the ${what}: ${error.detail || error.message}`);
  }
  return new AppError("UNPROCESSABLE", `The ${what} could not be confirmed: BigCommerce did not answer. Check the order in BigCommerce before trying again`);
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
