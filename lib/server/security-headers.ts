import type { ServerResponse } from "node:http";
import type { RuntimeConfig } from "@/lib/config/runtime-config.ts";

// Where BigCommerce shows an app: its control panel frames Tern's pages (the admin pages for
// admins, the inbox for staff who open the app there).
const CONTROL_PANEL_ORIGINS = ["https://*.bigcommerce.com", "https://*.mybigcommerce.com"];

function origin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export type SecurityHeaders = { "content-security-policy": string; "x-content-type-options": string; "referrer-policy": string };

/**
 * Headers on every response the server sends (a route may set its own instead: the attachment
 * proxy's sandbox CSP, the callbacks' no-referrer). Next's App Router writes inline scripts and
 * styled-components inline styles, hence 'unsafe-inline' for both; what the policy adds is that
 * nothing else loads scripts, and that only Tern and the control panel may frame its pages.
 */
export function securityHeaders(pathname: string, config: RuntimeConfig, options: { dev: boolean }): SecurityHeaders {
  // Plus the control panel of the BigCommerce Tern is configured against (an emulator's in demo mode and tests).
  const controlPanel = [...new Set([...CONTROL_PANEL_ORIGINS, origin(config.bigcommerce.loginUrl), ...(config.controlPanel ? [origin(config.controlPanel.appOpenUrl)] : [])])].filter(
    (value) => value !== null && value !== "https://login.bigcommerce.com",
  );
  // The sign-in page never runs in the control panel (its cookie could not be set there).
  const framers = pathname === "/login" || pathname === "/connect" ? ["'self'"] : ["'self'", ...controlPanel];
  const imageSources = ["'self'", "data:", "blob:", "https:", origin(config.bigcommerce.apiUrl)].filter(Boolean);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imageSources.join(" ")}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framers.join(" ")}`,
  ].join("; ");
  return {
    "content-security-policy": policy,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

/** Sets `headers` on the response as it is written, where the route did not set its own. */
export function withDefaultHeaders(response: ServerResponse, headers: SecurityHeaders): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((...args: unknown[]) => {
    for (const [name, value] of Object.entries(headers)) if (!response.hasHeader(name)) response.setHeader(name, value);
    return writeHead(...args);
  }) as ServerResponse["writeHead"];
}
