import { createApiToken } from "@/lib/auth/api-tokens.ts";
import { db } from "@/lib/db/client.ts";

// Any route handler: a handler's params type only narrows what it reads, so `never` accepts them all.
type AnyRouteHandler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export type ApiReply<T = unknown> = { status: number; body: T };

/**
 * Calls route handlers the way Next does (a real Request, params as a promise) as a user of a
 * store, authenticated by a real API token: integration tests of /api/v1 without a server.
 */
export async function apiCallerFor(user: { id: string; storeId: string }) {
  const { token } = await createApiToken(db(), { storeId: user.storeId, userId: user.id, name: "tests" });
  // P documents the route's params at the call site (e.g. `{ id: string }`) and checks `params` against it.
  return async function call<T = unknown, P extends Record<string, string> = Record<string, string>>(
    handler: AnyRouteHandler,
    path: string,
    options: { method?: string; body?: unknown; params?: P } = {},
  ): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    const init: RequestInit = { method: options.method ?? (options.body === undefined ? "GET" : "POST"), headers };
    if (options.body !== undefined) {
      init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
      headers["content-type"] = "application/json";
    }
    const response = await handler(new Request(`http://tern.test/api/v1${path}`, init), { params: Promise.resolve(options.params ?? {}) as Promise<never> });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
}
