import { spawn, type ChildProcess } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as bigcommerceWebhook from "@/app/api/webhooks/bigcommerce/route.ts";
import * as telegramWebhook from "@/app/api/webhooks/telegram/route.ts";
import { db, type Db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import { startBigcommerceEmulator, type BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";
import { startTelegramEmulator, type EmulatorBot, type TelegramEmulator } from "@/lib/emulators/telegram/start-telegram-emulator.ts";
import type { InboundEventForProcessing } from "@/lib/inbound/inbound-event-types.ts";
import { processInboundEvent } from "@/lib/inbound/process-inbound-event.ts";
import { startInboundWorker, type InboundWorker } from "@/lib/inbound/start-inbound-worker.ts";
import { connectStoreBot, registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { runOutboxBatch } from "@/lib/telegram/outbox/run-outbox-batch.ts";
import { startOutboxSender, type OutboxSender } from "@/lib/telegram/outbox/start-outbox-sender.ts";
import { storeBot } from "@/lib/telegram/store-bot.ts";
import { connectEmulatedStore } from "@/lib/testing/bigcommerce-fixtures.ts";
import { createCustomer, createStore, createTicket, createUser, type TestStore } from "@/lib/testing/factories.ts";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server.ts";
import { addReply } from "@/lib/tickets/add-reply.ts";
import { startFaultProxy, type Fault, type FaultProxy } from "./fault-proxy.ts";
import { orderEffectProblems } from "./order-effects.ts";
import { runOrderScenario, type ScenarioOrder } from "./order-scenario.ts";
import { seededRandom } from "./seeded-random.ts";
import { startSoakDatabase, type SoakDatabase } from "./soak-database.ts";
import { deliveredBeforeCreated, deliveryFigures } from "./delivery-figures.ts";
import { startWebhookSender, type WebhookSender } from "./webhook-sender.ts";

/**
 * Issue 8's soak: BigCommerce webhooks (duplicated, out of order, retried until acknowledged),
 * Telegram updates and agent replies flow for a while through the real routes, workers and
 * outbox, while BigCommerce and Telegram fail for a window, a separate worker process is killed
 * mid-batch and the database is crashed and restarted. Afterwards every acknowledged event is
 * stored once and processed to exactly one set of effects, and every reply reached the customer once.
 * Bounded (about a minute) and loopback only. TERN_SOAK_SEED replays a scenario.
 */

const SEED = Number(process.env.TERN_SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const random = seededRandom(SEED);

const ORDERS = 60;
/** Orders whose whole life happens at once, their "created" delivered last. */
const DISORDERED_ORDERS = 10;
const BUYERS = 30;
const TELEGRAM_CHATS = 24;
const REPLIES_PER_CHAT = 5;
const CUSTOMER_MESSAGES_PER_CHAT = 3;
const LOAD_MS = 14_000;
const DRAIN_TIMEOUT_MS = 60_000;
const CHILD_LEASE_MS = 3_000;
const WORKER_LEASE_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Window = { from: number; to: number };
type Figures = Record<string, unknown>;

let database: SoakDatabase;
let previousUrl: string | undefined;
let bigcommerce: BigcommerceEmulator;
let telegram: TelegramEmulator;
let bigcommerceFaults: FaultProxy;
let childBigcommerce: FaultProxy;
let telegramFaults: FaultProxy;
let routes: RouteServer;
let sender: WebhookSender;
let store: TestStore;
let shop: EmulatedStore;
let bot: EmulatorBot;
let agentId: string;
const background: Array<{ stop: () => Promise<void> }> = [];
const children = new Set<ChildProcess>();
const logs: string[] = [];
let apiErrors = 0;

/** Every in-process claim of an event, to prove no two workers ever held one at once. */
const holding = new Map<string, number>();
const completions = new Map<string, number>();
const completedAt: number[] = [];
const claimedAt: number[] = [];
let overlaps = 0;

async function tracked(client: Db, event: InboundEventForProcessing): Promise<void> {
  const holders = (holding.get(event.id) ?? 0) + 1;
  holding.set(event.id, holders);
  if (holders > 1) overlaps += 1;
  claimedAt.push(Date.now());
  try {
    await processInboundEvent(client, event);
    completions.set(event.id, (completions.get(event.id) ?? 0) + 1);
    completedAt.push(Date.now());
  } finally {
    holding.set(event.id, holding.get(event.id)! - 1);
  }
}

function spawnWorker(workerId: string, bigcommerceUrl: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/inbound/worker-cli.ts"], {
    env: {
      ...process.env,
      TERN_WORKER_ID: workerId,
      TERN_WORKER_LEASE_MS: String(CHILD_LEASE_MS),
      TERN_WORKER_POLL_MS: "100",
      BIGCOMMERCE_API_URL: bigcommerceUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  const collect = (chunk: Buffer) => logs.push(...chunk.toString("utf8").trim().split("\n"));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => children.delete(child));
  return { child, exited };
}

async function until(check: () => Promise<boolean>, timeoutMs: number, pauseMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await sleep(pauseMs);
  }
  return false;
}

beforeAll(async () => {
  // Route errors are expected while the database is away: count them instead of printing stacks.
  vi.spyOn(console, "error").mockImplementation(() => void (apiErrors += 1));
  database = await startSoakDatabase();
  previousUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = database.url;
  // Two inbound workers, two senders, the routes and the agent share this process's pool (production runs one of each per process).
  process.env.TERN_DB_POOL_SIZE = "20";

  bigcommerce = await startBigcommerceEmulator({ rateLimit: { quota: 1_000_000 } });
  telegram = await startTelegramEmulator({ webhookRetryMs: 50 });
  const storePaths = (path: string) => path.startsWith("/stores/");
  bigcommerceFaults = await startFaultProxy(bigcommerce.url, storePaths);
  childBigcommerce = await startFaultProxy(bigcommerce.url, storePaths);
  telegramFaults = await startFaultProxy(telegram.apiRoot, (path) => /\/(sendMessage|copyMessage|sendPhoto|sendDocument)$/.test(path));
  process.env.TELEGRAM_API_ROOT = telegramFaults.url;

  routes = await startRouteServer({ "/api/webhooks/bigcommerce": bigcommerceWebhook, "/api/webhooks/telegram": telegramWebhook });
  sender = await startWebhookSender({
    target: `${routes.url}/api/webhooks/bigcommerce`,
    concurrency: 8,
    duplicateRate: 0.15,
    random,
    delayFor: (delivery) => {
      const order = delivery.orderId === null ? undefined : scenarioOrders.get(delivery.orderId);
      // A disordered order's "created" goes last: its updates, shipment and refund arrive first.
      if (order?.disordered) return delivery.scope === "store/order/created" ? 1_500 : random() * 400;
      return random() * 300;
    },
  });

  store = await createStore();
  shop = await connectEmulatedStore(bigcommerce, store, { webhookDestination: sender.relayUrl });
  process.env.BIGCOMMERCE_API_URL = bigcommerceFaults.url;
  bot = telegram.createBot();
  const { webhookSecret } = await connectStoreBot(db(), { storeId: store.id, token: bot.token });
  await registerTelegramWebhook(await storeBot(store.id, bot.token), { url: `${routes.url}/api/webhooks/telegram`, secret: webhookSecret });
  agentId = (await createUser(store.id, { name: "Soak Agent" })).id;
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const job of background.splice(0)) await job.stop().catch(() => undefined);
  await sender?.stop();
  await routes?.close();
  await bigcommerceFaults?.close();
  await childBigcommerce?.close();
  await telegramFaults?.close();
  await bigcommerce?.close();
  await telegram?.close();
  await db().$disconnect().catch(() => undefined);
  await database?.destroy();
  if (previousUrl) process.env.DATABASE_URL = previousUrl;
  delete process.env.TERN_DB_POOL_SIZE;
  vi.restoreAllMocks();
}, 60_000);

const scenarioOrders = new Map<number, ScenarioOrder>();

describe("the Telegram outbox across a database restart", () => {
  it("records a send made while the database went away once it is back, so the reply is neither stuck nor sent twice", async () => {
    // Regression (found by the soak below): the settle after a successful send failed with the database
    // and the row stayed SENDING until its two-minute lease ran out, then the customer got the reply again.
    const other = await createStore();
    const otherBot = telegram.createBot();
    const stall = await startFaultProxy(telegram.apiRoot, (path) => path.endsWith("/sendMessage"));
    const apiRoot = process.env.TELEGRAM_API_ROOT;
    process.env.TELEGRAM_API_ROOT = stall.url;
    try {
      await connectStoreBot(db(), { storeId: other.id, token: otherBot.token });
      const chat = otherBot.customer(930_001);
      const customer = await createCustomer(other.id, { telegramChatId: String(chat.chatId) });
      const { ticket } = await createTicket(other.id, { customerId: customer.id, source: "TELEGRAM" });
      const reply = await addReply(db(), { storeId: other.id, ticketId: ticket.id, body: "Sent across a restart", actorId: (await createUser(other.id)).id });

      stall.set({ hang: true });
      const batch = runOutboxBatch(db(), { workerId: "restart-regression", storeIds: [other.id] }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      expect(await until(async () => (stall.injected.get("hang") ?? 0) > 0, 10_000, 20)).toBe(true);
      await database.crash();
      // Telegram answers now: the message is out, and the database is not there to record it.
      stall.clear();
      await until(async () => chat.received().length > 0, 5_000, 20);
      await sleep(1_000);
      await database.start();

      expect(await batch).toMatchObject({ result: { claimed: 1, sent: 1 } });
      expect(chat.received().map((sent) => sent.text)).toEqual(["Sent across a restart"]);
      const stored = await db().message.findUniqueOrThrow({ where: { id: reply.id }, select: { deliveryStatus: true } });
      expect(stored.deliveryStatus).toBe("SENT");
      expect(await db().telegramDelivery.count({ where: { messageId: reply.id, status: "SENT" } })).toBe(1);
    } finally {
      process.env.TELEGRAM_API_ROOT = apiRoot;
      await stall.close();
    }
  }, 60_000);
});

describe("soak: duplicates, disorder, API faults, a killed worker and a database restart", () => {
  it("stores every acknowledged event once, processes each to one set of effects, and delivers every reply once", async () => {
    const figures: Figures = { seed: SEED };
    // Customers the store knows on Telegram: buyers (orders by their email) and chatting customers with a ticket.
    const buyers = await Promise.all(
      Array.from({ length: BUYERS }, async (_, index) => {
        const chatId = 910_000 + index;
        const email = `buyer-${index}-${SEED}@example.com`;
        await createCustomer(store.id, { email, name: `Buyer ${index}`, telegramChatId: String(chatId) });
        // The buyer has a chat with the bot (started it once), so shipment messages can reach them.
        bot.customer(chatId, { firstName: `Buyer${index}` });
        return { chatId, email };
      }),
    );
    const chats = await Promise.all(
      Array.from({ length: TELEGRAM_CHATS }, async (_, index) => {
        const chatId = 920_000 + index;
        const customer = await createCustomer(store.id, { telegramChatId: String(chatId) });
        const { ticket } = await createTicket(store.id, { customerId: customer.id, source: "TELEGRAM", subject: `Chat ${index}` });
        return { chatId, ticketId: ticket.id, customer: bot.customer(chatId, { firstName: `Chatter${index}` }) };
      }),
    );

    // Workers: two in this process, one separate process (to be killed mid-batch), two outbox senders.
    const log = (line: string) => logs.push(line);
    for (const workerId of ["soak-a", "soak-b"]) {
      const worker: InboundWorker = startInboundWorker(db(), { workerId, leaseMs: WORKER_LEASE_MS, pollMs: 200, process: tracked, log });
      background.push(worker);
    }
    for (const workerId of ["soak-outbox-1", "soak-outbox-2"]) {
      const outbox: OutboxSender = startOutboxSender(db(), { workerId, log, pollMs: 100 });
      background.push(outbox);
    }
    const doomed = spawnWorker("soak-child-doomed", childBigcommerce.url);

    const quiet = async () => {
      if (!(await sender.drained(0))) return false;
      if (bot.state.pendingUpdates().length > 0) return false;
      const [waiting, queued, deliveries] = await Promise.all([
        db().inboundEvent.count({ where: { storeId: store.id, status: { in: ["PENDING", "PROCESSING", "FAILED"] } } }),
        db().message.count({ where: { storeId: store.id, channel: "TELEGRAM", kind: "OUTBOUND", deliveryStatus: { in: ["QUEUED", "SENDING"] } } }),
        db().telegramDelivery.count({ where: { storeId: store.id, status: { in: ["QUEUED", "SENDING"] } } }),
      ]);
      return waiting + queued + deliveries === 0;
    };
    // Warm up first (the worker process compiling, the first queries of each shape), so the faults below
    // meet steady traffic. The warm-up orders are checked like the others.
    await runOrderScenario(shop, { orders: 2, disordered: 0, buyers: buyers.map((buyer) => buyer.email), spreadMs: 0, random, tag: `${SEED}W`, onOrder: (order) => scenarioOrders.set(order.id, order) });
    const warm = await until(async () => logs.some((line) => line.includes("[worker soak-child-doomed] started")) && (await quiet()), 30_000, 100);
    expect(warm, "the warm-up drained").toBe(true);

    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    const started = Date.now();
    const at = (ms: number) => sleep(Math.max(0, started + ms - Date.now()));
    const windows: Record<string, Window> = {};

    // ---- load --------------------------------------------------------------------------------
    const orders = runOrderScenario(shop, {
      orders: ORDERS,
      disordered: DISORDERED_ORDERS,
      buyers: buyers.map((buyer) => buyer.email),
      spreadMs: LOAD_MS - 3_000,
      random,
      tag: String(SEED),
      onOrder: (order) => scenarioOrders.set(order.id, order),
    });

    const accepted = new Set<string>();
    const replyRetries = { failed: 0 };
    async function reply(ticketId: string, body: string): Promise<void> {
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      for (;;) {
        try {
          await addReply(db(), { storeId: store.id, ticketId, body, actorId: agentId });
          accepted.add(body);
          return;
        } catch {
          // The agent's browser retries; a reply that committed before the error must not be sent twice.
          replyRetries.failed += 1;
          await sleep(300);
          const stored = await db()
            .message.count({ where: { ticketId, body, kind: "OUTBOUND" } })
            .catch(() => 0);
          if (stored > 0) {
            accepted.add(body);
            return;
          }
          if (Date.now() > deadline) throw new Error(`the reply "${body}" could not be queued`);
        }
      }
    }
    const agentReplies = Promise.all(
      chats.map(async (chat, chatIndex) => {
        for (let index = 0; index < REPLIES_PER_CHAT; index += 1) {
          await at(((index + random()) * (LOAD_MS - 2_000)) / REPLIES_PER_CHAT);
          await reply(chat.ticketId, `Reply ${index + 1} to chat ${chatIndex} (${SEED})`);
        }
      }),
    );
    const customerTexts: string[] = [];
    const customerMessages = (async () => {
      for (let index = 0; index < TELEGRAM_CHATS * CUSTOMER_MESSAGES_PER_CHAT; index += 1) {
        await at((index * (LOAD_MS - 2_000)) / (TELEGRAM_CHATS * CUSTOMER_MESSAGES_PER_CHAT));
        const chat = chats[index % TELEGRAM_CHATS]!;
        const text = `Customer note ${index} from chat ${chat.chatId} (${SEED})`;
        chat.customer.sendText(text);
        customerTexts.push(text);
      }
    })();

    // ---- faults ------------------------------------------------------------------------------
    // The separate worker process: its BigCommerce stalls, so it is caught holding claims, and killed.
    let heldByDoomed: string[] = [];
    const killing = (async () => {
      await at(1_500);
      childBigcommerce.set({ hang: true });
      // Caught mid-batch: a request of its to BigCommerce is held, so the event it belongs to cannot finish.
      const caught = await until(async () => (childBigcommerce.injected.get("hang") ?? 0) > 0, 6_000, 50);
      doomed.child.kill("SIGKILL");
      figures.doomedExit = await doomed.exited;
      // What it died holding (it may have finished one between the look above and the kill).
      heldByDoomed = (await db().inboundEvent.findMany({ where: { status: "PROCESSING", lockedBy: "soak-child-doomed" }, select: { id: true } })).map((row) => row.id);
      windows.killedAt = { from: Date.now() - started, to: Date.now() - started };
      childBigcommerce.clear();
      return { caught, replacement: spawnWorker("soak-child-replacement", childBigcommerce.url) };
    })();

    // BigCommerce (500, then 429) and Telegram (429, then 500) fail for a while, both before the database goes.
    // BigCommerce's 429 comes second because it holds every call to the store (the client's shared gate) for a while.
    // Each fault lasts 1.5 s, and on until it has met a few requests: a slow moment of traffic must not leave it untested.
    const fail = async (proxy: FaultProxy, fault: Fault, status: string) => {
      const until = Date.now() + 1_500;
      const deadline = Date.now() + 6_000;
      proxy.set(fault);
      while (Date.now() < deadline && (Date.now() < until || (proxy.injected.get(status) ?? 0) < 2)) await sleep(50);
    };
    const bigcommerceOutage = (async () => {
      await at(2_500);
      const from = Date.now() - started;
      await fail(bigcommerceFaults, { status: 500, body: { status: 500, title: "Internal Server Error" } }, "500");
      // Without rate-limit headers: BigCommerce's "platform under load" 429, as the emulator's own injection answers.
      await fail(bigcommerceFaults, { status: 429, body: { status: 429, title: "Too many requests" } }, "429");
      bigcommerceFaults.clear();
      windows.bigcommerce = { from, to: Date.now() - started };
    })();
    const telegramOutage = (async () => {
      await at(2_000);
      const from = Date.now() - started;
      await fail(telegramFaults, { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } }, "429");
      await fail(telegramFaults, { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } }, "500");
      telegramFaults.clear();
      windows.telegram = { from, to: Date.now() - started };
    })();
    await Promise.all([bigcommerceOutage, telegramOutage]);

    await at(6_500);
    const crashStarted = Date.now();
    await database.crash();
    const down: Window = { from: Date.now(), to: 0 };
    await sleep(2_500);
    down.to = Date.now();
    await database.start();
    windows.database = { from: crashStarted - started, to: Date.now() - started };

    const { caught, replacement } = await killing;
    await Promise.all([orders, agentReplies, customerMessages]);
    const loadEnded = Date.now();

    // ---- drain -------------------------------------------------------------------------------
    const drained = await until(quiet, DRAIN_TIMEOUT_MS, 250);
    figures.drainMs = Date.now() - loadEnded;
    if (!drained) {
      figures.leftOver = {
        senderDrained: await sender.drained(0),
        telegramUpdatesPending: bot.state.pendingUpdates().length,
        inbound: await db().inboundEvent.groupBy({ by: ["status", "lockedBy"], where: { storeId: store.id, status: { not: "PROCESSED" } }, _count: true }),
        deliveries: await db().telegramDelivery.groupBy({ by: ["status", "lockedBy", "error"], where: { storeId: store.id, status: { not: "SENT" } }, _count: true }),
        messages: await db().message.groupBy({ by: ["deliveryStatus"], where: { storeId: store.id, channel: "TELEGRAM", kind: "OUTBOUND", deliveryStatus: { not: "SENT" } }, _count: true }),
      };
    }
    figures.totalMs = Date.now() - started;
    for (const job of background.splice(0)) await job.stop();
    replacement.child.kill("SIGTERM");
    figures.replacementExit = await replacement.exited;

    // ---- figures -----------------------------------------------------------------------------
    const deliveries = sender.deliveries;
    const attempts = deliveries.flatMap((delivery) => delivery.attempts);
    const whileDown = attempts.filter((attempt) => attempt.startedAt >= down.from && attempt.endedAt <= down.to);
    const distinctKeys = new Set(deliveries.map((delivery) => delivery.key));
    const beforeCreated = deliveredBeforeCreated(deliveries);
    Object.assign(figures, {
      windows,
      caughtDoomedHolding: heldByDoomed.length,
      webhooks: { ...deliveryFigures(deliveries), requestsWhileDatabaseDown: whileDown.length, statusesWhileDatabaseDown: [...new Set(whileDown.map((attempt) => attempt.status ?? attempt.error))] },
      telegramWebhookFailures: bot.webhookFailures().length,
      bigcommerceApiRequests: bigcommerceFaults.passed() + childBigcommerce.passed(),
      faultsInjected: { bigcommerce: Object.fromEntries(bigcommerceFaults.injected), telegram: Object.fromEntries(telegramFaults.injected), childHang: Object.fromEntries(childBigcommerce.injected) },
      replies: { accepted: accepted.size, failedAttempts: replyRetries.failed },
      inProcess: { overlaps, completedMoreThanOnce: [...completions.values()].filter((count) => count > 1).length, completions: completions.size },
      apiErrorsLogged: apiErrors,
      eventLoopDelayMs: { p50: Math.round(loopDelay.percentile(50) / 1e6), p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) },
    });
    const perSecond = (times: number[]) => {
      const buckets = new Array<number>(Math.ceil((Date.now() - started) / 1000)).fill(0);
      for (const time of times) buckets[Math.floor((time - started) / 1000)] = (buckets[Math.floor((time - started) / 1000)] ?? 0) + 1;
      return buckets.join(" ");
    };
    figures.timeline = {
      webhookRequests: perSecond(attempts.map((attempt) => attempt.startedAt)),
      webhookAcks: perSecond(deliveries.flatMap((delivery) => (delivery.ackedAt ? [delivery.ackedAt] : []))),
      bigcommerceApi: perSecond(bigcommerceFaults.arrivals),
      childBigcommerceApi: perSecond(childBigcommerce.arrivals),
      telegramSends: perSecond(telegramFaults.arrivals),
      inProcessCompletions: perSecond(completedAt),
      inProcessClaims: perSecond(claimedAt),
    };
    console.log(`[soak] ${JSON.stringify(figures, null, 2)}`);
    const workerLog = logs.filter((line) => line.trim());
    if (workerLog.length) console.log(`[soak] worker log (${workerLog.length} lines, first 10):\n${workerLog.slice(0, 10).join("\n")}`);

    // ---- the run did what it meant to ----------------------------------------------------------
    expect(drained, "everything drained within the bound").toBe(true);
    expect(caught, "the worker process was caught holding claims before it was killed").toBe(true);
    expect(figures.replacementExit, "the replacement worker process survived the database restart and shut down cleanly").toBe(0);
    expect(bigcommerceFaults.injected.get("429") ?? 0).toBeGreaterThan(0);
    expect(bigcommerceFaults.injected.get("500") ?? 0).toBeGreaterThan(0);
    expect(telegramFaults.injected.get("429") ?? 0).toBeGreaterThan(0);
    expect(telegramFaults.injected.get("500") ?? 0).toBeGreaterThan(0);
    expect(beforeCreated.length, "some deliveries overtook their order's created").toBeGreaterThan(0);
    expect(deliveries.filter((delivery) => delivery.copy === 1).length).toBeGreaterThan(0);

    // ---- acknowledged means stored, once ---------------------------------------------------------
    expect(deliveries.every((delivery) => delivery.ackedAt !== null), "every delivery was acknowledged in the end").toBe(true);
    expect(whileDown.length, "webhooks arrived while the database was down").toBeGreaterThan(0);
    expect(whileDown.filter((attempt) => attempt.status !== null && attempt.status < 500), "nothing but 5xx while the database was down").toEqual([]);
    expect(bot.webhookFailures().filter((status) => status !== 0 && status < 500), "Telegram's retried updates saw only 5xx").toEqual([]);

    const rows = await db().inboundEvent.findMany({ where: { storeId: store.id }, select: { id: true, source: true, kind: true, payload: true, status: true, attempts: true, processedAt: true, lockedBy: true, error: true } });
    const bigcommerceRows = rows.filter((row) => row.source === "BIGCOMMERCE");
    const storedKeys = bigcommerceRows.map((row) => {
      const payload = row.payload as { scope: string; hash: string; created_at: number };
      return `${payload.scope}|${payload.hash}|${payload.created_at}`;
    });
    expect(storedKeys.length, "one row per distinct event").toBe(new Set(storedKeys).size);
    expect(new Set(storedKeys)).toEqual(distinctKeys);
    const telegramRows = rows.filter((row) => row.source === "TELEGRAM");
    const updateIds = telegramRows.map((row) => (row.payload as { update_id: number }).update_id);
    expect(new Set(updateIds).size).toBe(updateIds.length);
    expect(updateIds.length).toBe(customerTexts.length);

    // ---- processed, once -------------------------------------------------------------------------
    expect(rows.filter((row) => row.status !== "PROCESSED" || !row.processedAt || row.lockedBy).map((row) => `${row.kind} ${row.status} ${row.error}`)).toEqual([]);
    expect(overlaps, "no event was in the hands of two in-process workers at once").toBe(0);
    expect(heldByDoomed.length, "the worker process died holding claims").toBeGreaterThan(0);
    const doomedRows = rows.filter((row) => heldByDoomed.includes(row.id));
    expect(doomedRows.every((row) => row.status === "PROCESSED" && row.attempts >= 2), "the killed worker's claims were taken over").toBe(true);

    const problems = await orderEffectProblems(db(), shop, store.id, [...scenarioOrders.keys()]);
    const messages = await db().message.findMany({
      where: { storeId: store.id },
      select: { ticketId: true, kind: true, channel: true, body: true, deliveryStatus: true },
    });
    // Each customer message joined its chat's ticket once.
    for (const text of customerTexts) {
      const copies = messages.filter((message) => message.kind === "INBOUND" && message.body === text).length;
      if (copies !== 1) problems.push(`customer message "${text}" stored ${copies} times`);
    }
    expect(problems).toEqual([]);

    // ---- every queued reply delivered, once ------------------------------------------------------
    const outbound = messages.filter((message) => message.kind === "OUTBOUND" && message.channel === "TELEGRAM");
    expect(outbound.filter((message) => message.deliveryStatus !== "SENT").map((message) => `${message.deliveryStatus}: ${message.body}`)).toEqual([]);
    expect(accepted.size, "every agent reply was queued in the end").toBe(TELEGRAM_CHATS * REPLIES_PER_CHAT);
    for (const body of accepted) expect(outbound.filter((message) => message.body === body), body).toHaveLength(1);
    const identities = await db().channelIdentity.findMany({ where: { storeId: store.id, channel: "TELEGRAM" }, select: { externalId: true, customerId: true } });
    const ticketCustomers = new Map((await db().ticket.findMany({ where: { storeId: store.id }, select: { id: true, customerId: true } })).map((ticket) => [ticket.id, ticket.customerId]));
    const deliveryProblems: string[] = [];
    let received = 0;
    for (const identity of identities) {
      const expected = outbound.filter((message) => ticketCustomers.get(message.ticketId) === identity.customerId).map((message) => message.body).sort();
      const got = bot.sentTo(Number(identity.externalId)).map((sent) => sent.text ?? "").sort();
      received += got.length;
      if (JSON.stringify(got) !== JSON.stringify(expected)) deliveryProblems.push(`chat ${identity.externalId}: expected ${expected.length} messages, Telegram got ${got.length} (${got.length - new Set(got).size} repeated)`);
    }
    expect(deliveryProblems).toEqual([]);
    expect(received).toBe(outbound.length);
  }, 180_000);
});
