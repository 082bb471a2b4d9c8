import type { EmulatedStore } from "./emulated-store.ts";

export const API_ACCOUNTS_PATH = /^\/control-panel\/stores\/([A-Za-z0-9]{1,64})\/settings\/api-accounts$/;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The emulated control panel's Settings → API → Store-level API accounts: GET lists the store's
 * accounts (never their tokens); POST creates one with every scope Tern asks for and shows its
 * API path and access token once, as BigCommerce does. For trying /connect in demo mode by hand.
 */
export function apiAccountsPage(store: EmulatedStore, method: string, baseUrl: string): { status: number; html: string } {
  const created = method === "POST" ? store.createApiAccount({ name: `Tern ${store.apiAccounts.size + 1}` }) : null;
  const rows = [...store.apiAccounts.values()].map((account) => `<li>${escapeHtml(account.name)} · client id ${escapeHtml(account.clientId)} · ${account.scopes.length} scopes</li>`).join("");
  const shown = created
    ? `<section id="created"><h2>API account created</h2><p>Copy these now: the token is not shown again.</p>
<dl><dt>API path</dt><dd id="api-path">${escapeHtml(`${baseUrl}/stores/${store.hash}/v3/`)}</dd><dt>Access token</dt><dd id="access-token">${escapeHtml(created.accessToken)}</dd>
<dt>Client ID</dt><dd>${escapeHtml(created.clientId)}</dd></dl></section>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API accounts · ${escapeHtml(store.hash)}</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f6f7f9;color:#313440}header{background:#34313f;color:#fff;padding:12px 20px}main{padding:20px;max-width:720px}dd{font-family:monospace;word-break:break-all;margin:0 0 8px}</style></head>
<body><header>BigCommerce control panel (emulated) · Settings → API → Store-level API accounts · ${escapeHtml(store.hash)}</header><main>
${shown}<form method="post"><button type="submit">Create API account</button></form><h2>API accounts</h2><ul>${rows || "<li>none yet</li>"}</ul></main></body></html>`;
  return { status: created ? 201 : 200, html };
}
