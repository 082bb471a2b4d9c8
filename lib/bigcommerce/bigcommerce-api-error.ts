/** A BigCommerce API call that did not succeed. Carries no token and no request headers. */
export class BigcommerceApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    /** BigCommerce's own words (its error title or detail), without the request line: what a person can be shown. */
    readonly detail: string,
  ) {
    super(`BigCommerce ${method} ${path} answered ${status}: ${detail}`);
    this.name = "BigcommerceApiError";
  }
}

export function isBigcommerceApiError(error: unknown, status?: number): error is BigcommerceApiError {
  // By name: the server and Next's bundle may each hold their own copy of the class.
  if (!(error instanceof Error) || error.name !== "BigcommerceApiError") return false;
  return status === undefined || (error as BigcommerceApiError).status === status;
}
