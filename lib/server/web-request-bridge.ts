import type { IncomingMessage, ServerResponse } from "node:http";
import { handleApiError } from "@/lib/api/handle-error.ts";
import { AppError } from "@/lib/errors.ts";

/** An App Router handler: what a route file exports per method. */
export type WebHandler = (request: Request) => Promise<Response>;

// Above every direct route's own limit (readLimitedText), so the route's answer is the one a client sees.
const MAX_BODY_BYTES = 2_000_000;

class BodyTooLarge extends Error {}

/**
 * The request body, read whole before the handler runs: a handler may answer without reading it,
 * and an unread body would stall the next request on that keep-alive connection.
 */
async function readBody(incoming: IncomingMessage): Promise<Buffer<ArrayBuffer>> {
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

/** A Node request as a Fetch API Request. */
export async function toWebRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = incoming.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(incoming);
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body });
}

/** Writes a Fetch API Response to a Node response, with a known length (one write, no chunked encoding). */
export async function sendWebResponse(response: Response, outgoing: ServerResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), ...extraHeaders, "content-length": String(body.length) });
  outgoing.end(body.length ? body : undefined);
}

/** Serves one request with `handler`. An oversized body gets the API's 400 and the connection closes (the rest is never read). */
export async function serveWithHandler(handler: WebHandler, incoming: IncomingMessage, outgoing: ServerResponse, origin: string): Promise<void> {
  try {
    await sendWebResponse(await handler(await toWebRequest(incoming, origin)), outgoing);
  } catch (error) {
    if (outgoing.headersSent) return void outgoing.end();
    if (error instanceof BodyTooLarge) {
      return sendWebResponse(handleApiError(new AppError("BAD_REQUEST", "The request body is too large")), outgoing, { connection: "close" });
    }
    outgoing.writeHead(500).end();
  }
}
