import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { db } from "@/lib/db/client.ts";
import { startTestDispatcher } from "@/lib/testing/event-dispatcher.ts";
import { createStore, createUser } from "@/lib/testing/factories.ts";
import { sessionCookieFor } from "@/lib/testing/session-cookie.ts";
import { createTicket } from "@/lib/tickets/create-ticket.ts";
import type { ClientToServerEvents, PresenceEntry, ServerToClientEvents } from "./events.ts";
import { createRealtimeServer, type RealtimeHandle } from "./socket-server.ts";

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let httpServer: HttpServer;
let realtime: RealtimeHandle;
let baseUrl: string;
const sockets: ClientSocket[] = [];

async function connectAs(cookie: string | undefined): Promise<ClientSocket> {
  const socket: ClientSocket = connect(baseUrl, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return socket;
}

function nextEvent<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, timeoutMs = 5000) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) => {
      clearTimeout(timer);
      resolve(payload);
    }) as never);
  });
}

beforeAll(async () => {
  httpServer = createServer();
  realtime = await createRealtimeServer(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  sockets.forEach((socket) => socket.disconnect());
  await realtime.close();
});

describe("socket.io server", () => {
  it("refuses a connection without a valid session", async () => {
    await expect(connectAs(undefined)).rejects.toThrow("unauthorized");
    await expect(connectAs("next-auth.session-token=forged.value.here")).rejects.toThrow("unauthorized");
  });

  it("refuses a disabled user", async () => {
    const store = await createStore();
    const user = await createUser(store.id);
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(connectAs(await sessionCookieFor(user))).rejects.toThrow("unauthorized");
  });

  it("delivers a new ticket to its store's agents only", async () => {
    const storeA = await createStore();
    const storeB = await createStore();
    const agentA = await connectAs(await sessionCookieFor(await createUser(storeA.id)));
    const agentB = await connectAs(await sessionCookieFor(await createUser(storeB.id)));
    const leakedToB: unknown[] = [];
    agentB.on("ticket:created", (payload) => leakedToB.push(payload));

    const dispatcher = startTestDispatcher({ storeIds: [storeA.id, storeB.id], io: realtime.io });
    onTestFinished(() => dispatcher.stop());
    const received = nextEvent(agentA, "ticket:created");
    const { ticket } = await createTicket(db(), { storeId: storeA.id, subject: "Parcel missing", source: "API" });
    const payload = await received;
    expect(payload.ticket.id).toBe(ticket.id);
    expect(payload.ticket.subject).toBe("Parcel missing");

    // Give a misrouted event time to arrive before asserting it did not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leakedToB).toEqual([]);
  });

  it("lets an agent join only their own store's tickets, and shows presence and typing", async () => {
    const storeA = await createStore();
    const storeB = await createStore();
    const ada = await createUser(storeA.id, { name: "Ada" });
    const ben = await createUser(storeA.id, { name: "Ben" });
    const outsider = await connectAs(await sessionCookieFor(await createUser(storeB.id)));
    const { ticket } = await createTicket(db(), { storeId: storeA.id, subject: "Refund please", source: "API" });

    const denied = await outsider.emitWithAck("ticket:join", ticket.id);
    expect(denied).toEqual({ ok: false, error: "ticket not found" });
    expect(await outsider.emitWithAck("ticket:join", "not-a-uuid")).toEqual({ ok: false, error: "invalid ticket id" });

    const adaSocket = await connectAs(await sessionCookieFor(ada));
    const benSocket = await connectAs(await sessionCookieFor(ben));
    expect(await adaSocket.emitWithAck("ticket:join", ticket.id)).toEqual({ ok: true });

    const seenByAda = nextEvent(adaSocket, "presence:changed");
    expect(await benSocket.emitWithAck("ticket:join", ticket.id)).toEqual({ ok: true });
    const presence = await seenByAda;
    expect(presence.viewers.map((viewer: PresenceEntry) => viewer.name).sort()).toEqual(["Ada", "Ben"]);

    const typing = nextEvent(adaSocket, "presence:changed");
    benSocket.emit("ticket:typing", { ticketId: ticket.id, typing: true });
    const afterTyping = await typing;
    expect(afterTyping.viewers.find((viewer: PresenceEntry) => viewer.name === "Ben")?.typing).toBe(true);

    // The outsider's typing into a room it could not join reaches nobody.
    const leaked: unknown[] = [];
    adaSocket.on("presence:changed", (payload) => leaked.push(payload));
    outsider.emit("ticket:typing", { ticketId: ticket.id, typing: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaked).toEqual([]);

    const left = nextEvent(adaSocket, "presence:changed");
    benSocket.disconnect();
    expect((await left).viewers.map((viewer: PresenceEntry) => viewer.name)).toEqual(["Ada"]);
  });
});
