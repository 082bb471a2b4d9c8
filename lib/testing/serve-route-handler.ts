import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RouteHandlerServer = { url: string; close: () => Promise<void> };

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body });
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  // A known length, not chunked encoding: one write, as a production server sends small bodies.
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": String(body.length) });
  if (body.length) outgoing.end(body);
  else outgoing.end();
}

/**
 * Serves one App Router handler (`(request: Request) => Promise<Response>`) from a bare node:http
 * server: tests and the benchmark reach the real route code over real HTTP without a Next build.
 * Next adds routing and its own overhead in front of this; the handler itself is the same.
 */
export async function serveRouteHandler(handler: (request: Request) => Promise<Response>, options: { port?: number } = {}): Promise<RouteHandlerServer> {
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    toRequest(incoming, origin)
      .then(handler)
      .then((response) => send(response, outgoing))
      .catch(() => {
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      });
  });
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
