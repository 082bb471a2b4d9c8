import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { serveWithHandler, throughWebRequest, type DirectHandler, type WebHandler } from "@/lib/server/web-request-bridge.ts";

export type RouteHandlerServer = { url: string; close: () => Promise<void> };

/**
 * Serves one App Router handler (`(request: Request) => Promise<Response>`) from a bare node:http
 * server, handed a Fetch API Request as Next hands it: tests reach the real route code over real
 * HTTP without a Next build, through the bridge the production server uses for its direct routes.
 */
export async function serveRouteHandler(handler: WebHandler, options: { port?: number } = {}): Promise<RouteHandlerServer> {
  return serveDirectHandler(throughWebRequest(handler), options);
}

/** Serves one direct route (lib/server/direct-routes.ts) as the production server answers it, without Next. */
export async function serveDirectHandler(handler: DirectHandler, options: { port?: number } = {}): Promise<RouteHandlerServer> {
  let origin = "";
  const server = createServer((incoming, outgoing) => void serveWithHandler(handler, incoming, outgoing, origin));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
