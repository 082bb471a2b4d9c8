import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { Telegraf } from "telegraf";
import { createBigcommerceClient } from "@/lib/bigcommerce/bigcommerce-client.ts";
import { registerStoreWebhooks } from "@/lib/bigcommerce/webhooks/register-store-webhooks.ts";
import { registerTelegramWebhook } from "@/lib/telegram/connect-store-bot.ts";
import { PEOPLE } from "./support/browser-session.ts";
import { E2E_WORLD } from "./support/e2e-world.ts";
import { startE2eWorld, type E2eWorld } from "./support/emulators.ts";
import { expectNoReload, openInbox, showView } from "./support/inbox-page.ts";
import { startPeerInstance, type PeerInstance } from "./support/peer-instance.ts";
import { e2eDatabaseUrlFile } from "./support/server-env.ts";
import { introduce, openOrderTicket, orderAndWrite } from "./support/telegram-customer.ts";

// Two full Tern instances (the e2e server and a peer on another port) on one PostgreSQL, as a
// deployment behind a load balancer runs them. socket.io fans out through Redis when REDIS_URL
// is set, else through PostgreSQL LISTEN/NOTIFY; the inbound workers of both share one queue.

let world: E2eWorld;
let peer: PeerInstance;
let database: pg.Client;

test.beforeAll(async ({ baseURL }) => {
  // A store on a plan with a high API quota: the Standard plan's 150 requests per 30 s would make
  // the queue test below wait for BigCommerce's rate-limit window instead of measuring the workers.
  world = await startE2eWorld(baseURL!, { bigcommerceRateLimit: { quota: 100_000, windowMs: 30_000 } });
  peer = await startPeerInstance(baseURL!);
  database = new pg.Client({ connectionString: readFileSync(e2eDatabaseUrlFile(Number(new URL(baseURL!).port)), "utf8").trim() });
  await database.connect();
});

test.afterAll(async () => {
  await database?.end();
  await peer?.close();
  await world?.close();
});

function shopClient() {
  return createBigcommerceClient({ apiUrl: world.bigcommerce.url, storeHash: world.shop.hash, accessToken: world.shop.accessToken });
}

/** BigCommerce delivers to `destinations` only (a hook per scope and destination; others paused). */
async function deliverBigcommerceTo(...destinations: string[]) {
  const client = shopClient();
  for (const destination of destinations) {
    await registerStoreWebhooks(client, { destination: `${destination}/api/webhooks/bigcommerce`, webhookSecret: E2E_WORLD.bigcommerceWebhookSecret });
  }
  for (const hook of await client.listHooks()) {
    const wanted = destinations.some((destination) => hook.destination === `${destination}/api/webhooks/bigcommerce`);
    if (!wanted && hook.is_active) await client.updateHook(hook.id, { is_active: false });
  }
}

test("an agent connected to instance A sees, live, what instance B ingests from BigCommerce and Telegram", async ({ browser, baseURL }) => {
  await deliverBigcommerceTo(peer.url);
  await registerTelegramWebhook(new Telegraf(world.bot.token, { telegram: { apiRoot: world.telegram.apiRoot } }), {
    url: `${peer.url}/api/webhooks/telegram`,
    secret: E2E_WORLD.telegramWebhookSecret,
  });
  // The agent's page is served by, and its socket connected to, instance A.
  const page = await openInbox(browser, PEOPLE.ada.email);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // The new order's ticket is watched until its customer writes: it is listed under All.
  await showView(page, "All");

  const { order, customer, message } = orderAndWrite(world, "Hana", "Hello from instance B's side of the house");
  await openOrderTicket(page, order.id);
  await introduce(customer, order, message);
  await expect(page.getByTestId("message-inbound").filter({ hasText: message })).toBeVisible({ timeout: 20_000 });
  await expectNoReload(page);

  // Only B received: every event of this order and chat was stored, and processed, by B's web process.
  const { rows } = await database.query<{ count: string }>(
    `SELECT count(*) FROM "InboundEvent" WHERE source = 'BIGCOMMERCE' AND payload->'data'->>'id' = $1`,
    [String(order.id)],
  );
  expect(Number(rows[0]!.count)).toBeGreaterThan(0);
  const deliveries = world.bigcommerce.deliveries.filter((delivery) => delivery.body.includes(`"id":${order.id}`));
  expect(deliveries.length).toBeGreaterThan(0);
  expect(deliveries.every((delivery) => delivery.destination.startsWith(peer.url))).toBe(true);
});

test("both instances receive every webhook; their workers share the queue and process each event once", async ({ baseURL }) => {
  await deliverBigcommerceTo(baseURL!, peer.url);
  const orders = Array.from({ length: 40 }, (_, index) => orderAndWrite(world, `Queue${index}`, "").order);
  const ids = orders.map((order) => String(order.id));
  await world.bigcommerce.flushWebhooks();

  // Every order was delivered to both instances: the second copy is a duplicate, whichever instance it reached.
  const deliveries = world.bigcommerce.deliveries.filter((delivery) => delivery.scope === "store/order/created" && ids.some((id) => delivery.body.includes(`"id":${id}`)));
  expect(new Set(deliveries.map((delivery) => new URL(delivery.destination).origin)).size).toBe(2);
  expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);

  await expect
    .poll(async () => (await database.query(`SELECT count(*)::int AS n FROM "Ticket" WHERE "bigcommerceOrderId" = ANY($1::int[])`, [ids])).rows[0].n, { timeout: 60_000 })
    .toBe(orders.length);
  const events = await database.query<{ status: string; attempts: number; processedBy: string | null }>(
    `SELECT status, attempts, "processedBy" FROM "InboundEvent" WHERE kind = 'store/order/created' AND payload->'data'->>'id' = ANY($1::text[])`,
    [ids],
  );
  // Stored once per order (the duplicate deliveries were deduplicated across instances) ...
  expect(events.rows).toHaveLength(orders.length);
  // ... processed once each, on the first attempt ...
  expect(events.rows.every((event) => event.status === "PROCESSED" && event.attempts === 1)).toBe(true);
  // ... and by both instances' workers between them.
  const ports = new Set(events.rows.map((event) => /:(\d+):inbound$/.exec(event.processedBy ?? "")?.[1]));
  expect([...ports].sort()).toEqual([new URL(baseURL!).port, String(peer.port)].sort());
  // One ticket per order, each entering the queue once.
  const perOrder = await database.query<{ tickets: number; created: number }>(
    `SELECT count(DISTINCT t.id)::int AS tickets, count(m.id)::int AS created
     FROM "Ticket" t LEFT JOIN "Message" m ON m."ticketId" = t.id AND m.kind = 'ACTIVITY' AND m.body = 'Status changed from Open to Awaiting Agent'
     WHERE t."bigcommerceOrderId" = ANY($1::int[]) GROUP BY t."bigcommerceOrderId"`,
    [ids],
  );
  expect(perOrder.rows).toHaveLength(orders.length);
  expect(perOrder.rows.every((row) => row.tickets === 1 && row.created === 1)).toBe(true);
});
