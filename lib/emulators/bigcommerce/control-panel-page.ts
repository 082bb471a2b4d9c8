import type { EmulatedOauth } from "./emulated-oauth.ts";

export type ControlPanelPage = { status: number; html: string };

const PATH = /^\/control-panel\/stores\/([A-Za-z0-9]+)\/apps\/(install|open)$/;

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, frameUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeAttribute(title)}</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#f6f7f9}header{background:#34313f;color:#fff;padding:12px 20px}
iframe{display:block;width:100%;height:calc(100vh - 48px);border:0;background:#fff}</style></head>
<body><header>BigCommerce control panel (emulated) · ${escapeAttribute(title)}</header>
<iframe id="app-frame" title="App" src="${escapeAttribute(frameUrl)}"></iframe></body></html>`;
}

/**
 * A stand-in for the BigCommerce control panel: the app runs in an iframe of a page on another
 * site, as merchants see it. `install` opens the app's auth callback with a fresh one-time code
 * (what clicking Install does); `open` opens the load callback with a signed payload (what
 * clicking the app in the Apps menu does). Query: `app` (the callback URL), `user_id`, `email`,
 * and optionally `owner_id` / `owner_email` (defaults: the user is the owner).
 */
export async function controlPanelPage(oauth: EmulatedOauth, pathname: string, query: URLSearchParams): Promise<ControlPanelPage | null> {
  const match = PATH.exec(pathname);
  if (!match) return null;
  const [, storeHash, kind] = match as unknown as [string, string, "install" | "open"];
  const app = query.get("app");
  const userId = Number(query.get("user_id"));
  const email = query.get("email");
  if (!app || !/^https?:\/\//.test(app) || !Number.isInteger(userId) || userId <= 0 || !email) {
    return { status: 400, html: "app (http(s) URL), user_id and email are required" };
  }
  const user = { id: userId, email };
  const owner = query.get("owner_id") ? { id: Number(query.get("owner_id")), email: query.get("owner_email") ?? email } : user;
  const target = new URL(app);
  if (kind === "install") {
    for (const [name, value] of oauth.installQuery({ storeHash, user, owner })) target.searchParams.set(name, value);
    return { status: 200, html: page(`Installing on ${storeHash}`, target.toString()) };
  }
  target.searchParams.set("signed_payload_jwt", await oauth.signedPayload({ storeHash, user, owner }));
  return { status: 200, html: page(`Apps · ${storeHash}`, target.toString()) };
}
