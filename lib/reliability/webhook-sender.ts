import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One HTTP POST of a delivery to Tern, as the sender saw it. */
export type Attempt = { status: number | null; error: string | null; startedAt: number; endedAt: number };

export type Delivery = {
  /** Tern's dedupe identity of the event: scope, hash, created_at (redeliveries share it). */
  key: string;
  scope: string;
  orderId: number | null;
  body: string;
  headers: Record<string, string>;
  /** 0 = the original, 1 = an exact redelivery of it. */
  copy: number;
  /** Position in the emulator's emission order. */
  emitted: number;
  attempts: Attempt[];
  ackedAt: number | null;
};

export type SenderOptions = {
  /** Tern's webhook receiver. */
  target: string;
  concurrency: number;
  /** Wait before the first attempt: different waits put deliveries out of emission order. */
  delayFor: (delivery: Delivery) => number;
  /** Share of events delivered twice, byte for byte (half of those at the same moment, half later). */
  duplicateRate: number;
  random: () => number;
};

export type WebhookSender = {
  /** Where the emulator's hooks point: every delivery it makes is taken over by the sender. */
  relayUrl: string;
  deliveries: Delivery[];
  /** Resolves once every delivery so far was acknowledged with a 2xx, or when `stop` is called. */
  drained: (timeoutMs: number) => Promise<boolean>;
  stop: () => Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function orderIdOf(scope: string, data: Record<string, unknown>): number | null {
  const raw = scope.startsWith("store/shipment/") ? data.orderId : data.id;
  return typeof raw === "number" ? raw : null;
}

/**
 * BigCommerce's side of webhook delivery, compressed into seconds: it takes the emulator's
 * deliveries (the emulator posts them to `relayUrl`) and sends them on to Tern like BigCommerce
 * does, with no order promised (each waits `delayFor` first), some twice, and every one that does
 * not get a 2xx (5xx, no answer) retried with backoff until it does. BigCommerce waits a minute
 * and more between retries; here it is 100 ms doubling to 2 s, so a soak stays short.
 */
export async function startWebhookSender(options: SenderOptions): Promise<WebhookSender> {
  const deliveries: Delivery[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  let emitted = 0;
  let slots = options.concurrency;
  const waiting: Array<() => void> = [];

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function slot(): Promise<() => void> {
    if (slots > 0) slots -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    return () => {
      const next = waiting.shift();
      if (next) next();
      else slots += 1;
    };
  }

  async function attempt(delivery: Delivery): Promise<boolean> {
    const free = await slot();
    const record: Attempt = { status: null, error: null, startedAt: Date.now(), endedAt: 0 };
    try {
      const response = await fetch(options.target, { method: "POST", headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(15_000) });
      await response.arrayBuffer();
      record.status = response.status;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      record.endedAt = Date.now();
      delivery.attempts.push(record);
      free();
    }
    return record.status !== null && record.status >= 200 && record.status < 300;
  }

  async function deliver(delivery: Delivery, delayMs: number): Promise<void> {
    await sleep(delayMs);
    for (let retry = 0; !stopped; retry += 1) {
      if (await attempt(delivery)) {
        delivery.ackedAt = Date.now();
        return;
      }
      await sleep(Math.min(2_000, 100 * 2 ** retry) * (0.5 + options.random()));
    }
  }

  function track(work: Promise<void>): void {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  function accept(body: string, headers: Record<string, string>): void {
    const json = JSON.parse(body) as { scope: string; hash: string; created_at: number; data: Record<string, unknown> };
    const base = { key: `${json.scope}|${json.hash}|${json.created_at}`, scope: json.scope, orderId: orderIdOf(json.scope, json.data), body, headers, emitted: emitted++ };
    const original: Delivery = { ...base, copy: 0, attempts: [], ackedAt: null };
    deliveries.push(original);
    const delay = options.delayFor(original);
    track(deliver(original, delay));
    if (options.random() < options.duplicateRate) {
      const copy: Delivery = { ...base, copy: 1, attempts: [], ackedAt: null };
      deliveries.push(copy);
      track(deliver(copy, options.random() < 0.5 ? delay : delay + 500 + options.random() * 2_500));
    }
  }

  const relay = createServer((request, response) => {
    void readBody(request).then((body) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name !== "host" && name !== "connection" && name !== "content-length" && typeof value === "string") headers[name] = value;
      }
      accept(body, headers);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));

  return {
    relayUrl: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/hooks`,
    deliveries,
    drained: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0) {
        if (Date.now() > deadline) return false;
        await sleep(50);
      }
      return true;
    },
    stop: async () => {
      stopped = true;
      relay.closeAllConnections();
      await new Promise((resolve) => relay.close(resolve));
      await Promise.allSettled([...running]);
    },
  };
}
