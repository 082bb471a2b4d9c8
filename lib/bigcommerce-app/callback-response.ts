import { handleApiError } from "@/lib/api/handle-error.ts";
import { embeddedSessionSetCookie, mintSessionCookie, type SessionSubject } from "@/lib/auth/mint-session-cookie.ts";

// The callbacks' URLs carry a signed payload or an install code: never cache them, never leak them onward.
const PRIVATE_HEADERS = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A failed callback: the API's error body and status, or, for a person looking at the control
 * panel's iframe, the same message as a small page. Never sets a session.
 */
export async function callbackError(request: Request, error: unknown): Promise<Response> {
  const response = handleApiError(error);
  if (!(request.headers.get("accept") ?? "").includes("text/html")) {
    return new Response(response.body, { status: response.status, headers: { ...PRIVATE_HEADERS, "content-type": "application/json" } });
  }
  const { error: body } = (await response.json()) as { error: { code: string; message: string } };
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tern</title></head><body style="font-family:system-ui,sans-serif;padding:2rem;color:#313440"><h1 style="font-size:1.25rem">Tern could not open</h1><p>${escapeHtml(body.message)}</p><p style="color:#8c93ad">Code: ${escapeHtml(body.code)}</p></body></html>`;
  return new Response(html, { status: response.status, headers: { ...PRIVATE_HEADERS, "content-type": "text/html; charset=utf-8" } });
}

/** Signs the user in (a session cookie that works inside the control panel's iframe) and sends them on. */
export async function redirectSignedIn(user: SessionSubject, location: string): Promise<Response> {
  const cookie = await mintSessionCookie(user);
  return new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, location, "set-cookie": embeddedSessionSetCookie(cookie) } });
}

/** Admins and supervisors land on the app's settings pages, agents on their inbox. */
export function landingPath(role: SessionSubject["role"]): string {
  return role === "AGENT" ? "/inbox" : "/admin";
}

export function callbackDone(body: Record<string, unknown>): Response {
  return Response.json(body, { status: 200, headers: PRIVATE_HEADERS });
}
