import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the proxy does with a request while a fault is on: answer for the upstream, or never answer. */
export type Fault = { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export type FaultProxy = {
  /** Give this to Tern instead of the upstream's URL. */
  url: string;
  /** Requests whose path matches `applies` get `fault` until `clear()` (or the next `set`). */
  set: (fault: Fault | null) => void;
  clear: () => void;
  /** Faulted answers so far, by status ("hang" for held requests). */
  injected: Map<string, number>;
  /** Requests passed through to the upstream. */
  passed: () => number;
  /** When each request arrived (passed or faulted), for timelines. */
  arrivals: number[];
  close: () => Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A loopback proxy in front of an emulator that fails on command for as long as a test says: the
 * emulators' own injections count calls, a soak needs a window of time ("answer 500 for 2 s").
 * Held requests are released (and answered by the upstream) when the fault is cleared, the way a
 * stalled API finally answers; a client that died meanwhile simply never reads the answer.
 */
export async function startFaultProxy(upstream: string, applies: (path: string) => boolean): Promise<FaultProxy> {
  let fault: Fault | null = null;
  let passed = 0;
  const injected = new Map<string, number>();
  const held = new Set<() => void>();
  const arrivals: number[] = [];

  const release = () => {
    for (const resume of [...held]) resume();
    held.clear();
  };

  async function forward(request: IncomingMessage, response: ServerResponse, body: Buffer): Promise<void> {
    passed += 1;
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name === "host" || name === "connection" || name === "content-length" || value === undefined) continue;
      headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const method = request.method ?? "GET";
    const answer = await fetch(new URL(request.url ?? "/", upstream), {
      method,
      headers,
      body: method === "GET" || method === "HEAD" || body.length === 0 ? undefined : new Uint8Array(body),
      signal: AbortSignal.timeout(30_000),
    });
    const payload = Buffer.from(await answer.arrayBuffer());
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "transfer-encoding" && name !== "content-encoding" && name !== "connection") out[name] = value;
    });
    if (response.destroyed) return;
    response.writeHead(answer.status, { ...out, "content-length": String(payload.length) }).end(payload);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    arrivals.push(Date.now());
    const body = await readBody(request);
    const path = new URL(request.url ?? "/", "http://proxy").pathname;
    const now = applies(path) ? fault : null;
    if (now && "hang" in now) {
      injected.set("hang", (injected.get("hang") ?? 0) + 1);
      await new Promise<void>((resume) => held.add(resume));
    } else if (now) {
      injected.set(String(now.status), (injected.get(String(now.status)) ?? 0) + 1);
      const text = JSON.stringify(now.body);
      response.writeHead(now.status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...now.headers }).end(text);
      return;
    }
    await forward(request, response, body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent && !response.destroyed) response.writeHead(502).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    set: (next) => {
      fault = next;
      if (!next || !("hang" in next)) release();
    },
    clear: () => {
      fault = null;
      release();
    },
    injected,
    passed: () => passed,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
