/**
 * Inside the BigCommerce control panel Tern's session cookie must be `SameSite=None`, so the
 * browser would also send it on requests other sites make to Tern. Browsers mark those with
 * `Sec-Fetch-Site: cross-site`: cookie-authenticated writes and socket handshakes carrying it are
 * refused. Tern's own pages (also inside the iframe) send `same-origin`; API clients with a bearer
 * token and non-browser callers send no such header and are unaffected.
 */
export function isCrossSiteBrowserRequest(headers: { get(name: string): string | null }): boolean {
  return headers.get("sec-fetch-site") === "cross-site";
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
