import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import pg from "pg";
import { Server } from "socket.io";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db/client.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { addNote } from "@/lib/tickets/add-note.ts";
import { createTicket } from "@/lib/tickets/create-ticket.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "./events.ts";
import { attachPostgresAdapter } from "./postgres-adapter.ts";
import { createRealtimeServer, type RealtimeHandle } from "./socket-server.ts";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(1000);
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
    socket.once("timeout", () => done(false));
  });
}

const redisAvailable = await redisReachable(REDIS_URL);
const handles: RealtimeHandle[] = [];
const clients: Socket[] = [];

type Fanout = { redisUrl?: string; databaseUrl?: string };

async function startInstance(fanout: Fanout, channelPrefix: string, options: { listen: boolean }) {
  const httpServer = createServer();
  const handle = await createRealtimeServer(httpServer, { ...fanout, channelPrefix });
  handles.push(handle);
  if (!options.listen) return { handle, url: null };
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { handle, url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` };
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The first `event` whose payload `pick` maps to a value (undefined skips it). */
function nextEvent<T>(client: ClientSocket, event: "ticket:created" | "message:created", pick: (payload: never) => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = ((payload: never) => {
      const value = pick(payload);
      if (value === undefined) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(value);
    }) as never;
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${event} from the other instance within 5 s`));
    }, 5000);
    client.on(event, listener);
  });
}

afterAll(async () => {
  clients.forEach((client) => client.disconnect());
  for (const handle of handles) await handle.close();
});

// PostgreSQL carries the fan-out when there is no Redis. Redis runs on developer and CI machines;
// a laptop without it skips that case.
const cases = [
  { name: "Redis", fanout: { redisUrl: REDIS_URL }, skip: !redisAvailable },
  { name: "PostgreSQL LISTEN/NOTIFY", fanout: { databaseUrl: process.env.DATABASE_URL }, skip: false },
];

describe.each(cases)("socket.io across two instances through $name", ({ fanout, skip }) => {
  it.skipIf(skip)("an agent connected to instance A receives what instance B publishes, small and over 8 kB", async () => {
    const prefix = `tern-test-${randomBytes(4).toString("hex")}`;
    const urlA = (await startInstance(fanout, prefix, { listen: true })).url!;
    // B delivers the domain events. It listens nowhere, like a standalone worker
    // (lib/inbound/worker-cli.ts): what it publishes still reaches A's agents.
    const instanceB = await startInstance(fanout, prefix, { listen: false });

    const store = await createStore();
    const dispatcher = startTestDispatcher({ storeIds: [store.id], io: instanceB.handle.io });
    onTestFinished(() => dispatcher.stop());
    const user = await createUser(store.id);
    const cookie = await sessionCookieFor(user);
    const client: ClientSocket = connect(urlA, {
      path: "/socket.io",
      transports: ["websocket"],
      extraHeaders: { cookie },
      reconnection: false,
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once("connect", resolve);
      client.once("connect_error", reject);
    });

    const created = nextEvent(client, "ticket:created", ({ ticket }: { ticket: { subject: string } }) => ticket.subject);
    const { ticket } = await createTicket(db(), { storeId: store.id, subject: "Fanned out", source: "API" });
    expect(await created).toBe("Fanned out");

    // NOTIFY payloads stop at 8,000 bytes: a long note travels through the attachments table.
    const longBody = "A long internal note. ".repeat(600);
    const noted = nextEvent(client, "message:created", ({ message }: { message: { kind: string; body: string } }) => (message.kind === "NOTE" ? message.body : undefined));
    await addNote(db(), { storeId: store.id, ticketId: ticket.id, body: longBody, actorId: user.id });
    expect(await noted).toBe(longBody);
  });
});

describe("PostgreSQL fan-out of an instance that is alone", () => {
  it("sends no NOTIFY for an event once it is sure no peer is listening, and sends again when a peer starts", async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const channelPrefix = `alone-${randomBytes(4).toString("hex")}`;
    const timing = { channelPrefix, heartbeatIntervalMs: 150, heartbeatTimeoutMs: 400 };
    // An observer on the channel (not a peer: it never sends a heartbeat) sees every NOTIFY.
    const observer = new pg.Client({ connectionString: databaseUrl });
    await observer.connect();
    const broadcasts: string[] = [];
    observer.on("notification", (notification) => {
      const message = JSON.parse(notification.payload ?? "{}") as { type?: number; data?: { packet?: { data?: unknown[] } } };
      if (message.type === 3) broadcasts.push(String(message.data?.packet?.data?.[1]));
    });
    await observer.query(`LISTEN "${channelPrefix}#/"`);
    const servers: Server[] = [];
    const closers: Array<() => Promise<void>> = [];
    const start = async () => {
      const server = new Server(createServer());
      closers.push(await attachPostgresAdapter(server as never, databaseUrl, timing));
      servers.push(server);
      return server;
    };
    const until = async (check: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    try {
      const first = await start();
      first.to("room").emit("news", "before it is sure");
      await until(() => broadcasts.includes("before it is sure"));
      expect(broadcasts).toEqual(["before it is sure"]);

      await new Promise((resolve) => setTimeout(resolve, 500));
      first.to("room").emit("news", "alone");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(broadcasts).toEqual(["before it is sure"]);

      await start();
      await new Promise((resolve) => setTimeout(resolve, 300));
      first.to("room").emit("news", "with a peer");
      await until(() => broadcasts.includes("with a peer"));
      expect(broadcasts).toEqual(["before it is sure", "with a peer"]);
    } finally {
      for (const server of servers) server.close();
      for (const close of closers) await close();
      await observer.end();
    }
  });
});
