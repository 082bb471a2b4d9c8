// Load generator for the benchmarks, run in a worker thread so it does not share an event loop
// with the server it measures. Plain JavaScript (a worker thread has no TypeScript loader), and
// lean on purpose, like wrk or autocannon: raw keep-alive sockets, HTTP/1.1 requests written as
// bytes, responses parsed only as far as the status line and Content-Length. On a small machine
// the generator shares the CPUs with the server and PostgreSQL; it should take as little as it can.
//
// workerData: { url, headers, mode: "closed" | "open", concurrency, durationMs, maxRequests,
//               rate (open mode, requests/s), storeHash, orderIds: number[] | null, salt,
//               scopes: string[] | undefined (the webhook scope of each request, beside orderIds) }
// Each request carries a unique light envelope (a unique hash; with orderIds, one per order).
// Replies with { latenciesMs, statuses, elapsedMs, sent }.
import net from "node:net";
import { parentPort, workerData } from "node:worker_threads";

const { url, headers, mode, concurrency, durationMs, maxRequests, rate, storeHash, orderIds, salt, scopes } = workerData;
const target = new URL(url);
const latencies = [];
const statuses = {};
let sent = 0;

const headerLines = Object.entries({ ...headers, "content-type": "application/json" })
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join("");
const limit = orderIds ? Math.min(maxRequests, orderIds.length) : maxRequests;

function requestBytes(index) {
  const orderId = orderIds ? orderIds[index] : 1 + (index % 5000);
  const body = JSON.stringify({
    scope: scopes ? scopes[index] : orderIds ? "store/order/created" : "store/order/updated",
    store_id: "1001",
    data: { type: "order", id: orderId },
    hash: `${salt}-${index}`,
    created_at: 1_700_000_000 + index,
    producer: `stores/${storeHash}`,
  });
  return `POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n${headerLines}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** One keep-alive connection: sends a request, waits for its whole response, repeats. */
function connection() {
  const socket = net.connect({ host: target.hostname, port: Number(target.port), noDelay: true });
  let buffer = Buffer.alloc(0);
  let current = null;
  const ready = new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  socket.on("data", (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    for (;;) {
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0 || !current) return;
      const head = buffer.subarray(0, end).toString("latin1");
      const match = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      let total = end + 4 + (match ? Number(match[1]) : 0);
      if (!match && /\r\ntransfer-encoding:\s*chunked/i.test(head)) {
        // Only the end of a chunked body matters here: the zero-length last chunk.
        const last = buffer.indexOf("0\r\n\r\n", end + 4);
        if (last < 0) return;
        total = last + 5;
      }
      if (buffer.length < total) return;
      buffer = buffer.subarray(total);
      const done = current;
      current = null;
      done(Number(head.slice(9, 12)));
    }
  });
  socket.on("error", () => {
    if (current) {
      const done = current;
      current = null;
      done("error");
    }
  });
  return {
    ready,
    send(bytes) {
      return new Promise((resolve) => {
        current = resolve;
        socket.write(bytes);
      });
    },
    close: () => socket.destroy(),
  };
}

function record(status, startedAt) {
  latencies.push(Number(process.hrtime.bigint() - startedAt) / 1e6);
  statuses[status] = (statuses[status] ?? 0) + 1;
}

async function closedLoop(connections) {
  const deadline = Date.now() + durationMs;
  await Promise.all(
    connections.map(async (conn) => {
      while (Date.now() < deadline && sent < limit) {
        const bytes = requestBytes(sent++);
        const startedAt = process.hrtime.bigint();
        record(await conn.send(bytes), startedAt);
      }
    }),
  );
}

async function openLoop(connections) {
  // Requests are due on a fixed schedule whether or not earlier ones were answered; latency
  // counts from the due time, so a slow server cannot hide its queueing (no coordinated omission).
  const total = Math.min(limit, Math.floor((rate * durationMs) / 1000));
  const interval = 1e9 / rate;
  const start = process.hrtime.bigint();
  const free = [...connections];
  const waiting = [];
  let finished = 0;
  let allDone;
  const done = new Promise((resolve) => (allDone = resolve));
  const run = (conn, index, due) => {
    conn.send(requestBytes(index)).then((status) => {
      record(status, due);
      finished += 1;
      if (finished === total) allDone();
      const next = waiting.shift();
      if (next) run(conn, next.index, next.due);
      else free.push(conn);
    });
  };
  while (sent < total) {
    const due = start + BigInt(Math.round(sent * interval));
    const now = process.hrtime.bigint();
    if (now < due) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(due - now) / 1e6 - 0.5)));
      continue;
    }
    const conn = free.pop();
    if (conn) run(conn, sent, due);
    else waiting.push({ index: sent, due });
    sent += 1;
  }
  if (total > 0) await done;
}

const connections = Array.from({ length: concurrency }, connection);
await Promise.all(connections.map((conn) => conn.ready));
const started = process.hrtime.bigint();
await (mode === "open" ? openLoop(connections) : closedLoop(connections));
const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
for (const conn of connections) conn.close();
parentPort.postMessage({ latenciesMs: latencies, statuses, elapsedMs, sent });
