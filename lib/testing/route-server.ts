import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// Params typed `never` so any route module fits; the server hands each the named groups of its pattern.
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", Handler>>;

/** `/api/v1/tickets/:id` style pattern → the route module Next would run for it. */
export type RouteTable = Record<string, RouteModule>;

export type RouteServer = { url: string; server: Server; close: () => Promise<void> };

function compile(pattern: string): RegExp {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:([A-Za-z]+)/g, "(?<$1>[^/]+)");
  return new RegExp(`^${source}$`);
}

async function toRequest(incoming: IncomingMessage, baseUrl: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) value.forEach((entry) => headers.append(name, entry));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const body = chunks.length && method !== "GET" && method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(incoming.url ?? "/", baseUrl), { method, headers, body });
}

/**
 * Serves Tern's route handlers over real HTTP without a Next build: what the BigCommerce emulator
 * delivers webhooks to, and what socket.io shares its port with, in integration tests.
 */
export async function startRouteServer(routes: RouteTable): Promise<RouteServer> {
  const table = Object.entries(routes).map(([pattern, module]) => ({ regex: compile(pattern), module }));
  let baseUrl = "";
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const path = new URL(incoming.url ?? "/", baseUrl).pathname;
      // socket.io answers its own path on the same server.
      if (path.startsWith("/socket.io/")) return;
      for (const { regex, module } of table) {
        const match = regex.exec(path);
        const handler = match && module[(incoming.method ?? "GET") as keyof RouteModule];
        if (!match || !handler) continue;
        const response = await handler(await toRequest(incoming, baseUrl), { params: Promise.resolve({ ...match.groups }) as Promise<never> });
        const headers: Record<string, string | string[]> = {};
        response.headers.forEach((value, name) => {
          if (name !== "set-cookie") headers[name] = value;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) headers["set-cookie"] = cookies;
        outgoing.writeHead(response.status, headers);
        outgoing.end(Buffer.from(await response.arrayBuffer()));
        return;
      }
      outgoing.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "NOT_FOUND", message: `no route ${path}` } }));
    })().catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
