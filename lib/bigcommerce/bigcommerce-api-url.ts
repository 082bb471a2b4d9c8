const DEFAULT_API_URL = "https://api.bigcommerce.com";

/**
 * BIGCOMMERCE_API_URL, read at call time: demo mode points it at the emulator after start-up, and
 * tests at theirs. A store's API lives under `<this>/stores/{hash}`.
 */
export function bigcommerceApiUrl(): string {
  return process.env.BIGCOMMERCE_API_URL?.trim() || DEFAULT_API_URL;
}
