// A helpdesk at scale for the queue & search benchmark: 1,000,000 tickets and 5,000,000 messages
// over two years, in a named database (tern_bench_scale) that later runs reuse.
//
// Everything is generated inside PostgreSQL with INSERT … SELECT generate_series, a batch of
// tickets at a time; row-by-row Prisma would take hours. Random choices come from hashing the
// row's number (pg_temp.u), so a regeneration produces the same store, ticket for ticket.
// Secondary indexes of Ticket and Message are dropped for the load and rebuilt from their own
// definitions afterwards (whatever the migrations define), which is several times faster than
// maintaining a 5M-row GIN index row by row.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabaseServer, withDatabase } from "@/lib/db/database-server.ts";
import { applyMigrations } from "@/lib/db/migrate.ts";
import * as vocabulary from "./scale-data-vocabulary.ts";

/** Bump when the generated data changes shape: a database made by another version is regenerated. */
export const SCALE_DATA_VERSION = 1;
export const SCALE_DATABASE = "tern_bench_scale";
const MARKER_TABLE = "_tern_bench_scale";

type StorePlan = { name: string; tickets: number; customers: number; agents: number; orderBase: number };

// Most tickets live in one big store (the one the benchmark queries); two small tenants share the
// tables, as they would in a hosted install, so every query must really filter by store.
const STORES: readonly StorePlan[] = [
  { name: "Northwind Outfitters", tickets: 940_000, customers: 260_000, agents: 60, orderBase: 100_000 },
  { name: "Harbor & Pine", tickets: 40_000, customers: 15_000, agents: 8, orderBase: 20_000 },
  { name: "Little Fern Kids", tickets: 20_000, customers: 8_000, agents: 5, orderBase: 5_000 },
];
// Messages per ticket cycle through this pattern (mean 5): every store's ticket count is a multiple
// of its length, so the total is exactly 5 × tickets.
const MESSAGE_COUNTS = [3, 5, 7, 4, 6, 2, 8, 5];
const BATCH_TICKETS = 50_000;
const HISTORY_DAYS = 730;

export type ScaleStore = { id: string; name: string; tickets: number; customers: number; agents: number };

export type ScaleData = {
  url: string;
  stores: ScaleStore[];
  tickets: number;
  messages: number;
  /** Set when this run generated the data; null when an earlier run's database was reused. */
  generatedMs: number | null;
  generatedAt: Date;
  databaseBytes: number;
  /** Stops the embedded server when there was no DATABASE_URL (the database itself stays for the next run). */
  stop: () => Promise<void>;
};

type Marker = { version: number; generated_at: Date; generated_ms: number; tickets: number; messages: number; stores: ScaleStore[] };

/**
 * The scale database, generated if missing, incomplete or from another generator version (or when
 * TERN_BENCH_REGENERATE=1), else reused as is after applying any newer migrations.
 */
export async function openScaleData(log: (line: string) => void): Promise<ScaleData> {
  const server = await openDatabaseServer();
  const url = withDatabase(server.adminUrl, SCALE_DATABASE);
  const regenerate = process.env.TERN_BENCH_REGENERATE === "1";
  let marker = regenerate ? null : await readMarker(server.adminUrl, url);
  let generatedMs: number | null = null;
  if (marker) {
    const unknown = await unknownMigrations(url);
    if (unknown.length) {
      // A migration under development was renamed or rewritten since: the schema cannot be trusted.
      log(`database ${SCALE_DATABASE} has migrations the folder no longer holds (${unknown.join(", ")}): generating anew`);
      marker = null;
    }
  }
  if (marker) {
    log(`reusing database ${SCALE_DATABASE} generated ${marker.generated_at.toISOString()} in ${Math.round(marker.generated_ms / 1000)} s (TERN_BENCH_REGENERATE=1 makes it anew)`);
    const { applied } = await applyMigrations(url);
    if (applied.length) {
      log(`applied ${applied.length} newer migration(s): ${applied.join(", ")}`);
      // VACUUM too: a migration that rewrites a table (a stored generated column) leaves its
      // visibility map empty, and index-only scans then read the heap, as they would not in a store
      // autovacuum has been through.
      await withClient(url, (client) => client.query(`VACUUM (ANALYZE)`));
    }
  } else {
    const started = performance.now();
    await recreateDatabase(server.adminUrl, log);
    await applyMigrations(url);
    await withClient(url, (client) => generate(client, log));
    generatedMs = performance.now() - started;
    await withClient(url, (client) => client.query(`UPDATE ${MARKER_TABLE} SET generated_ms = $1`, [Math.round(generatedMs!)]));
    marker = await readMarker(server.adminUrl, url);
    if (!marker) throw new Error("the scale data was generated but its marker is missing");
    log(`generated in ${(generatedMs / 1000).toFixed(0)} s`);
  }
  const databaseBytes = await withClient(url, async (client) => Number((await client.query<{ size: string }>(`SELECT pg_database_size(current_database()) AS size`)).rows[0]!.size));
  return { url, stores: marker.stores, tickets: marker.tickets, messages: marker.messages, generatedMs, generatedAt: marker.generated_at, databaseBytes, stop: server.stop };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readMarker(adminUrl: string, url: string): Promise<Marker | null> {
  const exists = await withClient(adminUrl, async (client) => (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [SCALE_DATABASE])).rowCount === 1);
  if (!exists) return null;
  return withClient(url, async (client) => {
    const table = await client.query<{ name: string | null }>(`SELECT to_regclass($1)::text AS name`, [MARKER_TABLE]);
    if (!table.rows[0]?.name) return null;
    const { rows } = await client.query<Marker>(`SELECT version, generated_at, generated_ms, tickets, messages, stores FROM ${MARKER_TABLE} WHERE complete`);
    const row = rows[0];
    return row && row.version === SCALE_DATA_VERSION ? row : null;
  });
}

async function unknownMigrations(url: string): Promise<string[]> {
  const folder = new Set(readdirSync(fileURLToPath(new URL("../prisma/migrations", import.meta.url))));
  const { rows } = await withClient(url, (client) => client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`));
  return rows.map((row) => row.name).filter((name) => !folder.has(name));
}

async function recreateDatabase(adminUrl: string, log: (line: string) => void): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${SCALE_DATABASE}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${SCALE_DATABASE}"`);
  });
  log(`created database ${SCALE_DATABASE}`);
}

// Session helpers. u(seed, salt) is a uniform number in [0, 1) from hashing, so a row's choices
// are reproducible and independent of batch boundaries; uuid7 gives time-ordered ids like Prisma's
// uuid(7) default (which PostgreSQL 15 lacks).
const SESSION_SQL = `
CREATE FUNCTION pg_temp.u(seed bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT (hashint8(seed * 131 + salt)::float8 + 2147483648) / 4294967296 $$;
CREATE FUNCTION pg_temp.pick(arr text[], x float8) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT arr[1 + floor(x * cardinality(arr))::int] $$;
CREATE FUNCTION pg_temp.zipf(x float8, n int) RETURNS int LANGUAGE sql IMMUTABLE AS
  $$ SELECT least(n, floor(exp(x * ln(n + 1)))::int) $$;
CREATE FUNCTION pg_temp.cap(s text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT upper(left(s, 1)) || substr(s, 2) $$;
CREATE FUNCTION pg_temp.uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS
  $$ SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM ts) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $$;
`;

// Fills a template's placeholders from a row of the batch table b (aliases m: the message's own draws).
function fill(template: string, salt: string): string {
  return `replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(${template},
    '{product}', b.product), '{order}', b.order_text), '{name}', coalesce(b.first_name, 'there')), '{agent}', b.agent_name),
    '{days}', (2 + floor(pg_temp.u(${salt}, 60) * 12))::int::text), '{tracking}', b.tracking),
    '{carrier}', b.carrier), '{city}', b.city), '{size}', b.size), '{color}', b.color)`;
}

async function generate(client: pg.Client, log: (line: string) => void): Promise<void> {
  const now = new Date();
  await client.query(SESSION_SQL);
  // Bulk-load settings for this session only: data is consistent by construction, so foreign-key
  // triggers are skipped (superuser only; without it they simply run); commits need not wait for the disk.
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET session_replication_role = replica`).catch(() => log("foreign-key triggers stay on (not a superuser)"));
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`CREATE TABLE ${MARKER_TABLE} (version int NOT NULL, complete boolean NOT NULL DEFAULT false, generated_at timestamptz NOT NULL, generated_ms int NOT NULL DEFAULT 0, tickets int NOT NULL DEFAULT 0, messages int NOT NULL DEFAULT 0, stores jsonb NOT NULL DEFAULT '[]')`);
  await client.query(`INSERT INTO ${MARKER_TABLE} (version, generated_at) VALUES ($1, $2)`, [SCALE_DATA_VERSION, now]);
  await createVocabulary(client);

  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname IN ('Ticket', 'Message') AND NOT x.indisprimary AND t.relnamespace = 'public'::regnamespace`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);

  const stores: ScaleStore[] = [];
  let ticketsDone = 0;
  const total = STORES.reduce((sum, store) => sum + store.tickets, 0);
  const started = performance.now();
  for (const [storeIndex, plan] of STORES.entries()) {
    const store = await createStore(client, plan, storeIndex, now);
    stores.push({ id: store.storeId, name: plan.name, tickets: plan.tickets, customers: plan.customers, agents: plan.agents });
    for (let lo = 1; lo <= plan.tickets; lo += BATCH_TICKETS) {
      const hi = Math.min(plan.tickets, lo + BATCH_TICKETS - 1);
      await client.query("BEGIN");
      await insertTicketBatch(client, { ...store, plan, storeIndex, lo, hi, now });
      await client.query("COMMIT");
      ticketsDone += hi - lo + 1;
      log(`tickets ${ticketsDone.toLocaleString("en-US")}/${total.toLocaleString("en-US")} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  for (const index of indexes) {
    const indexStarted = performance.now();
    await client.query(index.definition);
    log(`index ${index.name} rebuilt in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  }
  const vacuumStarted = performance.now();
  // A long-lived store is vacuumed and analysed: visibility map for index-only scans, statistics for the planner.
  await client.query(`VACUUM (ANALYZE)`);
  log(`VACUUM ANALYZE in ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);

  const counts = await client.query<{ tickets: number; messages: number }>(`SELECT (SELECT count(*) FROM "Ticket")::int AS tickets, (SELECT count(*) FROM "Message")::int AS messages`);
  const { tickets, messages } = counts.rows[0]!;
  await client.query(`UPDATE ${MARKER_TABLE} SET complete = true, tickets = $1, messages = $2, stores = $3`, [tickets, messages, JSON.stringify(stores)]);
}

async function createVocabulary(client: pg.Client): Promise<void> {
  const columns = {
    first_names: vocabulary.FIRST_NAMES,
    last_names: vocabulary.LAST_NAMES,
    email_domains: vocabulary.EMAIL_DOMAINS,
    regions: vocabulary.REGIONS,
    adjectives: vocabulary.PRODUCT_ADJECTIVES,
    items: vocabulary.PRODUCT_ITEMS,
    syllables: vocabulary.MODEL_SYLLABLES,
    colors: vocabulary.COLORS,
    sizes: vocabulary.SIZES,
    carriers: vocabulary.CARRIERS,
    cities: vocabulary.CITIES,
    categories: vocabulary.CATEGORIES,
    tags: vocabulary.TAGS,
    subjects: vocabulary.SUBJECTS,
    greetings: vocabulary.GREETINGS,
    openers: vocabulary.CUSTOMER_OPENERS,
    follow_ups: vocabulary.CUSTOMER_FOLLOW_UPS,
    signoffs: vocabulary.SIGNOFFS,
    replies: vocabulary.AGENT_REPLIES,
    agent_follow_ups: vocabulary.AGENT_FOLLOW_UPS,
    closings: vocabulary.AGENT_CLOSINGS,
    notes: vocabulary.NOTES,
    activities: vocabulary.ACTIVITIES,
    rare: vocabulary.RARE_SENTENCES,
  };
  const names = Object.keys(columns);
  await client.query(`CREATE TEMP TABLE vocab AS SELECT ${names.map((name, index) => `$${index + 1}::text[] AS ${name}`).join(", ")}`, Object.values(columns));
}

type StoreIds = { storeId: string; agentIds: string[]; teamIds: string[] };

async function createStore(client: pg.Client, plan: StorePlan, storeIndex: number, now: Date): Promise<StoreIds> {
  const slug = plan.name.toLowerCase().replace(/[^a-z]+/g, "-");
  const domain = `${slug}.example`;
  const { rows } = await client.query<{ id: string }>(
    // No webhook secret: these stores receive no webhooks (the ingestion bench makes its own store).
    `INSERT INTO "Store" (id, "bigcommerceHash", name, "ticketSequence", "createdAt", "installedAt", "updatedAt")
     VALUES (pg_temp.uuid7($3::timestamptz - interval '800 days'), $1, $2, $4, $3::timestamptz - interval '800 days', $3::timestamptz - interval '800 days', $3)
     RETURNING id`,
    [`scale${storeIndex}${randomBytes(4).toString("hex")}`, plan.name, now, plan.tickets],
  );
  const storeId = rows[0]!.id;
  const teams = await client.query<{ id: string }>(
    `INSERT INTO "Team" (id, "storeId", name, level, "createdAt")
     SELECT pg_temp.uuid7($2::timestamptz - interval '800 days'), $1, t.name, t.level, $2::timestamptz - interval '800 days'
       FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS t(name, level, position) ORDER BY t.position
     RETURNING id`,
    [storeId, now, vocabulary.TEAMS.map((team) => team.name), vocabulary.TEAMS.map((team) => team.level)],
  );
  const teamIds = teams.rows.map((row) => row.id);
  // Agents are spread over the first-level teams; supervisors and an admin besides.
  const users = await client.query<{ id: string; role: string }>(
    `INSERT INTO "User" (id, "storeId", email, name, role, "teamId", capacity, availability, "createdAt", "updatedAt", "lastSeenAt")
     SELECT pg_temp.uuid7($2::timestamptz - interval '700 days'), $1,
            CASE WHEN g.i <= $3 THEN 'agent' || g.i ELSE 'lead' || g.i END || '@' || $4,
            pg_temp.pick(v.first_names, pg_temp.u(g.i + $5, 1)) || ' ' || pg_temp.pick(v.last_names, pg_temp.u(g.i + $5, 2)),
            (CASE WHEN g.i <= $3 THEN 'AGENT' WHEN g.i = $3 + 4 THEN 'ADMIN' ELSE 'SUPERVISOR' END)::"Role",
            ($6::uuid[])[1 + (g.i % 3)], 12,
            (CASE WHEN pg_temp.u(g.i + $5, 3) < 0.5 THEN 'ONLINE' WHEN pg_temp.u(g.i + $5, 3) < 0.6 THEN 'AWAY' ELSE 'OFFLINE' END)::"Availability",
            $2::timestamptz - interval '700 days', $2, $2
       FROM generate_series(1, $3 + 4) AS g(i) CROSS JOIN vocab v
      ORDER BY g.i
     RETURNING id, role`,
    [storeId, now, plan.agents, domain, storeIndex * 1000, teamIds],
  );
  const agentIds = users.rows.filter((row) => row.role === "AGENT").map((row) => row.id);
  // A fifth of the customers came through Telegram only and never gave an email.
  await client.query(
    `INSERT INTO "Customer" (id, "storeId", "bigcommerceCustomerId", email, name, tier, region, "createdAt", "updatedAt")
     SELECT pg_temp.uuid7(c.created_at), $1, g.i,
            CASE WHEN pg_temp.u(c.seed, 3) < 0.8 THEN lower(c.first || '.' || c.last || g.i) || '@' || pg_temp.pick(v.email_domains, pg_temp.u(c.seed, 4)) END,
            c.first || ' ' || c.last,
            (CASE WHEN pg_temp.u(c.seed, 5) < 0.03 THEN 'VIP' ELSE 'STANDARD' END)::"CustomerTier",
            pg_temp.pick(v.regions, pg_temp.u(c.seed, 6)), c.created_at, c.created_at
       FROM generate_series(1, $2::int) AS g(i) CROSS JOIN vocab v
       CROSS JOIN LATERAL (SELECT $3::bigint * 10000000 + g.i AS seed) s
       CROSS JOIN LATERAL (SELECT s.seed,
                                  pg_temp.pick(v.first_names, pg_temp.u(s.seed, 1)) AS first,
                                  pg_temp.pick(v.last_names, pg_temp.u(s.seed, 2)) AS last,
                                  $4::timestamptz - make_interval(secs => ${HISTORY_DAYS} * 86400 * (1 - g.i::float8 / $2)) AS created_at OFFSET 0) c`,
    [storeId, plan.customers, 100 + storeIndex, now],
  );
  return { storeId, agentIds, teamIds };
}

type Batch = StoreIds & { plan: StorePlan; storeIndex: number; lo: number; hi: number; now: Date };

async function insertTicketBatch(client: pg.Client, batch: Batch): Promise<void> {
  const { plan } = batch;
  // Ticket n of N was created at now − 730 d × (1 − √(n/N)): the business grew, so recent months hold more tickets.
  // Status follows age: most tickets of the last days are open, older ones resolved and closed
  // (auto-close 7 days after resolving), and a few forgotten ones stay open for months.
  await client.query(`DROP TABLE IF EXISTS pg_temp.batch`);
  await client.query(
    `CREATE TEMP TABLE batch AS
     SELECT pg_temp.uuid7(b.created_at) AS id, g.n, s.seed, b.created_at, d.status, c.priority, c.source, c.first_due, c.resolution_due,
            CASE WHEN d.responded THEN b.created_at + make_interval(secs => c.response_secs) END AS first_response_at,
            d.resolved_at, d.closed_at, d.updated_at,
            CASE WHEN d.status IN ('RESOLVED', 'CLOSED') THEN d.resolved_at - make_interval(secs => c.resolution_secs * 0.05) ELSE d.updated_at END AS last_message_at,
            d.responded,
            cu.id AS customer_id, split_part(cu.name, ' ', 1) AS first_name,
            c.order_id, coalesce(c.order_id, 100000 + floor(pg_temp.u(s.seed, 12) * 900000)::int)::text AS order_text,
            e.assignee_id, coalesce(split_part(ag.name, ' ', 1), 'Sam') AS agent_name,
            c.product, pg_temp.pick(v.carriers, pg_temp.u(s.seed, 13)) AS carrier, pg_temp.pick(v.cities, pg_temp.u(s.seed, 14)) AS city,
            pg_temp.pick(v.sizes, pg_temp.u(s.seed, 15)) AS size, pg_temp.pick(v.colors, pg_temp.u(s.seed, 16)) AS color,
            '1Z' || upper(substr(md5(s.seed::text), 1, 16)) AS tracking,
            ($7::int[])[1 + (g.n::bigint * 7919) % ${MESSAGE_COUNTS.length}] AS message_count,
            CASE WHEN d.status = 'ESCALATED' THEN ($6::uuid[])[4] WHEN pg_temp.u(s.seed, 17) < 0.9 THEN ($6::uuid[])[1 + floor(pg_temp.u(s.seed, 18) * 3)::int] END AS team_id,
            CASE WHEN pg_temp.u(s.seed, 19) < 0.85 THEN pg_temp.pick(v.categories, pg_temp.u(s.seed, 20)) END AS category,
            CASE WHEN pg_temp.u(s.seed, 21) < 0.25 THEN ARRAY[pg_temp.pick(v.tags, pg_temp.u(s.seed, 22))] ELSE '{}'::text[] END AS tags,
            pg_temp.u(s.seed, 23) AS r_subject, pg_temp.u(s.seed, 24) AS r_snooze
       FROM generate_series($2::int, $3::int) AS g(n) CROSS JOIN vocab v
       CROSS JOIN LATERAL (SELECT $4::bigint * 10000000 + g.n AS seed OFFSET 0) s
       CROSS JOIN LATERAL (SELECT ${HISTORY_DAYS} * (1 - sqrt((g.n - 1 + pg_temp.u(s.seed, 1)) / $5::float8)) AS age_days OFFSET 0) a
       CROSS JOIN LATERAL (SELECT $1::timestamptz - make_interval(secs => a.age_days * 86400) AS created_at,
                                  pg_temp.u(s.seed, 2) < CASE WHEN a.age_days < 3 THEN 0.85 WHEN a.age_days < 14 THEN 0.55 ELSE 0.003 END AS is_open OFFSET 0) b
       CROSS JOIN LATERAL (
         SELECT CASE WHEN NOT b.is_open THEN NULL
                     WHEN r.status < 0.14 THEN 'OPEN' WHEN r.status < 0.28 THEN 'AWAITING_AGENT' WHEN r.status < 0.38 THEN 'AGENT_ASSIGNED'
                     WHEN r.status < 0.55 THEN 'IN_PROGRESS' WHEN r.status < 0.85 THEN 'WAITING_ON_CUSTOMER' WHEN r.status < 0.89 THEN 'ESCALATED'
                     WHEN r.status < 0.92 THEN 'PRIORITY_QUEUE' WHEN r.status < 0.96 THEN 'RETURN_PROCESSING' WHEN r.status < 0.98 THEN 'AGENT_NOTIFIED'
                     ELSE 'CUSTOMER_NOTIFIED' END AS open_status,
                (CASE WHEN r.priority < 0.15 THEN 'LOW' WHEN r.priority < 0.82 THEN 'NORMAL' WHEN r.priority < 0.96 THEN 'HIGH' ELSE 'URGENT' END)::"TicketPriority" AS priority,
                (CASE WHEN r.source < 0.45 THEN 'TELEGRAM' WHEN r.source < 0.80 THEN 'BIGCOMMERCE' WHEN r.source < 0.88 THEN 'API' ELSE 'MANUAL' END)::"TicketSource" AS source,
                CASE WHEN r.priority < 0.15 THEN 28800 WHEN r.priority < 0.82 THEN 14400 WHEN r.priority < 0.96 THEN 3600 ELSE 900 END AS first_due,
                CASE WHEN r.priority < 0.15 THEN 259200 WHEN r.priority < 0.82 THEN 172800 ELSE 86400 END AS resolution_due,
                least(a.age_days * 86400 * 0.5, 300 + 28800 * pg_temp.u(s.seed, 6) ^ 2) AS response_secs,
                least(a.age_days * 86400 * 0.95, 3600 + 432000 * pg_temp.u(s.seed, 7) ^ 2) AS resolution_secs,
                CASE WHEN pg_temp.u(s.seed, 8) < 0.65 THEN $8::int + g.n * 16 / 10 + floor(pg_temp.u(s.seed, 9) * 2)::int END AS order_id,
                CASE WHEN r.source >= 0.88 AND pg_temp.u(s.seed, 10) < 0.3 THEN NULL ELSE 1 + floor($9::int * pg_temp.u(s.seed, 11) ^ 2)::int END AS customer_number,
                initcap(v.syllables[1 + r.z % 30] || v.syllables[1 + (r.z / 30) % 30] || v.syllables[1 + (r.z / 900) % 30])
                  || ' ' || pg_temp.pick(v.adjectives, pg_temp.u(s.seed, 26)) || ' ' || pg_temp.pick(v.items, pg_temp.u(s.seed, 27)) AS product
           FROM (SELECT pg_temp.u(s.seed, 3) AS status, pg_temp.u(s.seed, 4) AS priority, pg_temp.u(s.seed, 5) AS source, pg_temp.zipf(pg_temp.u(s.seed, 25), 20000) AS z OFFSET 0) r
         OFFSET 0
       ) c
       CROSS JOIN LATERAL (
         SELECT x.status::"TicketStatus" AS status, x.responded, x.resolved_at,
                CASE WHEN x.status = 'CLOSED' THEN x.resolved_at + interval '7 days' END AS closed_at,
                CASE WHEN x.status = 'CLOSED' THEN x.resolved_at + interval '7 days' WHEN x.status = 'RESOLVED' THEN x.resolved_at
                     ELSE b.created_at + ($1::timestamptz - b.created_at) * (0.2 + 0.8 * pg_temp.u(s.seed, 28)) END AS updated_at
           FROM (SELECT coalesce(c.open_status, CASE WHEN b.created_at + make_interval(secs => c.resolution_secs) + interval '7 days' < $1::timestamptz
                                                       AND pg_temp.u(s.seed, 29) < 0.94 THEN 'CLOSED' ELSE 'RESOLVED' END) AS status,
                        c.open_status IS NULL OR c.open_status NOT IN ('OPEN', 'AWAITING_AGENT', 'AGENT_ASSIGNED', 'PRIORITY_QUEUE') AS responded,
                        CASE WHEN c.open_status IS NULL THEN b.created_at + make_interval(secs => c.resolution_secs) END AS resolved_at OFFSET 0) x
         OFFSET 0
       ) d
       CROSS JOIN LATERAL (
         SELECT CASE WHEN (d.status IN ('OPEN', 'AWAITING_AGENT', 'PRIORITY_QUEUE') AND pg_temp.u(s.seed, 30) < 0.9)
                       OR (d.status IN ('RESOLVED', 'CLOSED') AND pg_temp.u(s.seed, 30) < 0.03) THEN NULL
                     ELSE ($10::uuid[])[1 + floor(cardinality($10::uuid[]) * pg_temp.u(s.seed, 31) ^ 1.4)::int] END AS assignee_id
         OFFSET 0
       ) e
       LEFT JOIN "Customer" cu ON cu."storeId" = $11::uuid AND cu."bigcommerceCustomerId" = c.customer_number
       LEFT JOIN "User" ag ON ag.id = e.assignee_id`,
    [batch.now, batch.lo, batch.hi, batch.storeIndex + 1, plan.tickets, batch.teamIds, MESSAGE_COUNTS, plan.orderBase, plan.customers, batch.agentIds, batch.storeId],
  );
  await client.query(
    `INSERT INTO "Ticket" (id, "storeId", number, subject, status, priority, category, tags, source, "customerId", "bigcommerceOrderId",
                           "assigneeId", "teamId", "firstResponseDueAt", "firstResponseAt", "resolutionDueAt", "resolvedAt", "closedAt",
                           "waitingSince", "firstResponseBreached", "resolutionBreached", "snoozedUntil", "lastMessageAt", "createdAt", "updatedAt")
     SELECT b.id, $1::uuid, b.n, ${fill("pg_temp.pick(v.subjects, b.r_subject)", "b.seed")}, b.status, b.priority, b.category, b.tags, b.source,
            b.customer_id, b.order_id, b.assignee_id, b.team_id,
            b.created_at + make_interval(secs => b.first_due), b.first_response_at, b.created_at + make_interval(secs => b.resolution_due),
            b.resolved_at, b.closed_at,
            CASE WHEN b.status = 'WAITING_ON_CUSTOMER' THEN b.updated_at END,
            coalesce(b.first_response_at, $2::timestamptz) > b.created_at + make_interval(secs => b.first_due),
            coalesce(b.resolved_at, $2::timestamptz) > b.created_at + make_interval(secs => b.resolution_due),
            CASE WHEN b.status NOT IN ('RESOLVED', 'CLOSED', 'WAITING_ON_CUSTOMER') AND b.r_snooze < 0.03
                 THEN $2::timestamptz + make_interval(secs => 3600 + 14 * 86400 * (b.r_snooze / 0.03)) END,
            b.last_message_at, b.created_at, b.updated_at
       FROM batch b CROSS JOIN vocab v`,
    [batch.storeId, batch.now],
  );
  // The thread: the customer writes first (an agent's note for tickets made by hand), then replies
  // alternate with the customer's answers, notes and activity entries in between.
  const inbound = `pg_temp.cap(trim(CASE WHEN m.k = 0
        THEN pg_temp.pick(v.greetings, pg_temp.u(m.seed, 1)) || ' ' || ${fill("pg_temp.pick(v.openers, pg_temp.u(m.seed, 2))", "m.seed")}
             || CASE WHEN pg_temp.u(m.seed, 3) < 0.3 THEN ' ' || ${fill("pg_temp.pick(v.follow_ups, pg_temp.u(m.seed, 4))", "m.seed")} ELSE '' END
        ELSE ${fill("pg_temp.pick(v.follow_ups, pg_temp.u(m.seed, 4))", "m.seed")} END
      || CASE WHEN pg_temp.u(m.seed, 5) < 0.0002 THEN ' ' || pg_temp.pick(v.rare, pg_temp.u(m.seed, 6)) ELSE '' END
      || E'\\n\\n' || pg_temp.pick(v.signoffs, pg_temp.u(m.seed, 7)) || ' ' || coalesce(b.first_name, '')))`;
  const outbound = `'Hi ' || coalesce(b.first_name, 'there') || E',\\n\\n' || pg_temp.cap(CASE WHEN m.k = 1 OR pg_temp.u(m.seed, 8) < 0.5
        THEN ${fill("pg_temp.pick(v.replies, pg_temp.u(m.seed, 9))", "m.seed")}
        ELSE ${fill("pg_temp.pick(v.agent_follow_ups, pg_temp.u(m.seed, 10))", "m.seed")} END)
      || E'\\n\\n' || pg_temp.pick(v.closings, pg_temp.u(m.seed, 11)) || E'\\n' || b.agent_name`;
  await client.query(
    `INSERT INTO "Message" (id, "storeId", "ticketId", kind, channel, "authorId", body, "deliveryStatus", "deliveredAt", meta, "createdAt")
     SELECT pg_temp.uuid7(m.created_at), $1::uuid, b.id, m.kind::"MessageKind",
            (CASE WHEN m.kind IN ('NOTE', 'ACTIVITY') THEN 'INTERNAL' WHEN b.source = 'TELEGRAM' THEN 'TELEGRAM' WHEN b.source = 'BIGCOMMERCE' THEN 'BIGCOMMERCE' ELSE 'WEB' END)::"Channel",
            CASE WHEN m.kind IN ('OUTBOUND', 'NOTE') THEN coalesce(b.assignee_id, $2::uuid) WHEN m.kind = 'ACTIVITY' THEN b.assignee_id END,
            CASE m.kind WHEN 'INBOUND' THEN ${inbound}
                        WHEN 'OUTBOUND' THEN ${outbound}
                        WHEN 'NOTE' THEN ${fill("pg_temp.pick(v.notes, pg_temp.u(m.seed, 12))", "m.seed")}
                        ELSE ${fill("pg_temp.pick(v.activities, pg_temp.u(m.seed, 13))", "m.seed")} END,
            CASE WHEN m.kind = 'OUTBOUND' AND b.source = 'TELEGRAM' THEN (CASE WHEN pg_temp.u(m.seed, 14) < 0.995 THEN 'SENT' ELSE 'FAILED' END)::"DeliveryStatus" END,
            CASE WHEN m.kind = 'OUTBOUND' AND b.source = 'TELEGRAM' THEN m.created_at + interval '1 second' END,
            CASE WHEN m.kind = 'ACTIVITY' THEN jsonb_build_object('type', 'generated') END,
            m.created_at
       FROM batch b CROSS JOIN vocab v
       CROSS JOIN LATERAL generate_series(0, b.message_count - 1) AS g(k)
       CROSS JOIN LATERAL (
         SELECT g.k, b.seed * 16 + g.k AS seed,
                b.created_at + (b.last_message_at - b.created_at) * (g.k::float8 / (b.message_count - 1)) AS created_at,
                CASE WHEN g.k = 0 THEN CASE WHEN b.source = 'MANUAL' THEN 'NOTE' ELSE 'INBOUND' END
                     WHEN g.k % 2 = 1 THEN CASE WHEN b.responded AND pg_temp.u(b.seed * 16 + g.k, 15) < 0.8 THEN 'OUTBOUND'
                                                WHEN pg_temp.u(b.seed * 16 + g.k, 15) < 0.9 THEN 'NOTE' ELSE 'ACTIVITY' END
                     WHEN pg_temp.u(b.seed * 16 + g.k, 15) < 0.85 THEN 'INBOUND' ELSE 'ACTIVITY' END AS kind
         OFFSET 0
       ) m`,
    [batch.storeId, batch.agentIds[0]],
  );
}
