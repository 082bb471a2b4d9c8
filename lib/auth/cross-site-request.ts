import { runtimeConfig } from "@/lib/config/runtime-config.ts";

/**
 * Inside the BigCommerce control panel Tern's session cookie must be `SameSite=None`, so the
 * browser would also send it on requests other sites make to Tern. Browsers mark those with
 * `Sec-Fetch-Site: cross-site`: cookie-authenticated writes and socket handshakes carrying it are
 * refused. Tern's own pages (also inside the iframe) send `same-origin`; API clients with a bearer
 * token and non-browser callers send no such header and are unaffected.
 *
 * Browsers do not always send Sec-Fetch-Site: older ones (Safari before 16.4) never do, and
 * current ones leave it off for plain-http origins other than localhost. They still send `Origin`
 * on every cross-origin POST/PUT/PATCH/DELETE and WebSocket handshake, so without Sec-Fetch-Site
 * an Origin that is not Tern's own host counts as cross-site (`Origin: null`, the opaque origin
 * of sandboxed frames and data: pages, included). Tern's host is the one the request was sent to
 * (`Host`, or `X-Forwarded-Host` behind a proxy) or the one NEXTAUTH_URL names.
 */
export function isCrossSiteBrowserRequest(headers: { get(name: string): string | null }): boolean {
  const site = headers.get("sec-fetch-site");
  // Only Tern's own pages (same-origin) and a person typing the address (none) may write with the
  // cookie. same-site is another origin too: a sibling subdomain (another tenant's shop, an old
  // marketing page) could otherwise forge writes. The control panel only navigates its iframe.
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  const originHost = hostOf(origin);
  return originHost === null || !ownHosts(headers).has(originHost);
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

function ownHosts(headers: { get(name: string): string | null }): Set<string> {
  const hosts = new Set<string>();
  for (const value of [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0]]) {
    if (value) hosts.add(value.trim().toLowerCase());
  }
  const configured = hostOf(runtimeConfig().publicUrl);
  if (configured) hosts.add(configured);
  return hosts;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isUnsafeMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}
