import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { createConnection } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db/client.ts";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { createTicket } from "@/lib/tickets/create-ticket.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "./events.ts";
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

const available = await redisReachable(REDIS_URL);
const handles: RealtimeHandle[] = [];
const clients: Socket[] = [];

async function startInstance(channelPrefix: string) {
  const httpServer = createServer();
  const handle = await createRealtimeServer(httpServer, { redisUrl: REDIS_URL, redisChannelPrefix: channelPrefix });
  handles.push(handle);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
}

afterAll(async () => {
  clients.forEach((client) => client.disconnect());
  for (const handle of handles) await handle.close();
});

// Redis runs on developer and CI machines; a laptop without it skips this one file.
describe.skipIf(!available)("socket.io across two instances through Redis", () => {
  it("an agent connected to instance A receives a ticket created on instance B", async () => {
    const prefix = `tern-test-${randomBytes(4).toString("hex")}`;
    const urlA = await startInstance(prefix);
    // Started last, instance B is the one this process publishes through.
    await startInstance(prefix);

    const store = await createStore();
    const cookie = await sessionCookieFor(await createUser(store.id));
    const client: Socket<ServerToClientEvents, ClientToServerEvents> = connect(urlA, {
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

    const received = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no ticket:created through Redis within 5 s")), 5000);
      client.once("ticket:created", ({ ticket }) => {
        clearTimeout(timer);
        resolve(ticket.subject);
      });
    });
    await createTicket(db(), { storeId: store.id, subject: "Fanned out", source: "API" });
    expect(await received).toBe("Fanned out");
  });
});
