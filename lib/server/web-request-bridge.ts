import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApiError } from "@/lib/api/handle-error.ts";
import { AppError } from "@/lib/errors.ts";

/** An App Router handler: what a route file exports per method. */
export type WebHandler = (request: Request) => Promise<Response>;

/** A Node request whose body was read whole, as the direct routes take it. */
export type ReadRequest = { method: string; url: string; headers: Headers; body: Buffer };

/** What the custom server answers a direct route with (lib/server/direct-routes.ts). */
export type DirectHandler = (request: ReadRequest) => Promise<Response>;

// Above every direct route's own limit, so the route's answer is the one a client sees.
const MAX_BODY_BYTES = 2_000_000;

class BodyTooLarge extends Error {}

/**
 * The request body, read whole before the handler runs: a handler may answer without reading it,
 * and an unread body would stall the next request on that keep-alive connection.
 */
async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const declared = Number(incoming.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readRequest(incoming: IncomingMessage, origin: string): Promise<ReadRequest> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? Buffer.alloc(0) : await readBody(incoming);
  return { method, url: new URL(incoming.url ?? "/", origin).href, headers, body };
}

/** An App Router handler served as a direct route: the read request becomes a Fetch API Request again. */
export function throughWebRequest(handler: WebHandler): DirectHandler {
  return ({ method, url, headers, body }) => handler(new Request(url, { method, headers, body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body) }));
}

/** Writes a Fetch API Response to a Node response, with a known length (one write, no chunked encoding). */
export async function sendWebResponse(response: Response, outgoing: ServerResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), ...extraHeaders, "content-length": String(body.length) });
  outgoing.end(body.length ? body : undefined);
}

/** Serves one request with `handler`. An oversized body gets the API's 400 and the connection closes (the rest is never read). */
export async function serveWithHandler(handler: DirectHandler, incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  try {
    await sendWebResponse(await handler(await readRequest(incoming, origin)), outgoing);
  } catch (error) {
    if (outgoing.headersSent) return void outgoing.end();
    if (error instanceof BodyTooLarge) {
      return sendWebResponse(handleApiError(new AppError("BAD_REQUEST", "The request body is too large")), outgoing, { connection: "close" });
    }
    outgoing.writeHead(500).end();
  }
}
