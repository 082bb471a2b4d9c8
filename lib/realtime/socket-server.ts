import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import { actorFromSession } from "@/lib/auth/authenticate-request.ts";
import { isCrossSiteBrowserRequest } from "@/lib/auth/cross-site-request.ts";
import { readSessionCookie } from "@/lib/auth/session-token.ts";
import { db } from "@/lib/db/client.ts";
import { storeRoom, ticketRoom, type Ack, type PresenceEntry } from "./events.ts";
import { setRealtimeServer, type RealtimeServer } from "./publish.ts";
import { attachPostgresAdapter } from "./postgres-adapter.ts";
import { attachRedisAdapter } from "./redis-adapter.ts";

const ticketIdSchema = z.uuid();
const typingSchema = z.object({ ticketId: z.uuid(), typing: z.boolean() });

type Options = {
  /** Instances fan events out through Redis when given, else through this database, else not at all (one instance). */
  redisUrl?: string;
  databaseUrl?: string;
  /** Redis or NOTIFY channel prefix; instances of one deployment share it. */
  channelPrefix?: string;
  log?: (line: string) => void;
};

/** Presence is read from the sockets in the ticket's room, so it holds across instances too. */
async function broadcastPresence(io: RealtimeServer, ticketId: string): Promise<void> {
  const sockets = await io.in(ticketRoom(ticketId)).fetchSockets();
  const viewers = new Map<string, PresenceEntry>();
  for (const socket of sockets) {
    const { userId, name, typingIn } = socket.data;
    const typing = typingIn === ticketId;
    const known = viewers.get(userId);
    viewers.set(userId, { userId, name, typing: typing || (known?.typing ?? false) });
  }
  io.to(ticketRoom(ticketId)).emit("presence:changed", { ticketId, viewers: [...viewers.values()] });
}

export type RealtimeHandle = { io: RealtimeServer; close: () => Promise<void> };

export async function createRealtimeServer(httpServer: HttpServer, options: Options = {}): Promise<RealtimeHandle> {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // Another site's page must not open a socket with the visitor's (SameSite=None) session cookie.
    allowRequest: (request, callback) => callback(null, !isCrossSiteBrowserRequest({ get: (name) => [request.headers[name] ?? null].flat()[0] ?? null })),
  });
  const fanout = { channelPrefix: options.channelPrefix, log: options.log };
  const closeAdapter = options.redisUrl
    ? await attachRedisAdapter(io, options.redisUrl, fanout)
    : options.databaseUrl
      ? await attachPostgresAdapter(io, options.databaseUrl, fanout)
      : async () => undefined;

  // Only signed-in users connect; the store comes from the user row, never from the client.
  io.use(async (socket, next) => {
    try {
      const session = await readSessionCookie(socket.handshake.headers.cookie);
      const actor = session ? await actorFromSession(session) : null;
      if (!actor) return next(new Error("unauthorized"));
      socket.data = { userId: actor.userId, storeId: actor.storeId, role: actor.role, name: actor.name };
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error("unauthorized"));
    }
  });

  // Presence asks every instance for its sockets; a peer that times out must not become an
  // unhandled rejection (which would end the process) in a socket handler.
  const announcePresence = (ticketId: string) =>
    broadcastPresence(io, ticketId).catch((error: unknown) => options.log?.(`presence of ticket ${ticketId}: ${error instanceof Error ? error.message : String(error)}`));

  io.on("connection", (socket) => {
    void socket.join(storeRoom(socket.data.storeId));

    socket.on("ticket:join", async (rawTicketId, rawAck) => {
      // The client picks the arguments: a non-function "ack" would throw here, and an unhandled rejection ends the process.
      const ack: Ack | undefined = typeof rawAck === "function" ? rawAck : undefined;
      const parsed = ticketIdSchema.safeParse(rawTicketId);
      if (!parsed.success) return ack?.({ ok: false, error: "invalid ticket id" });
      const ticket = await db()
        .ticket.findFirst({ where: { id: parsed.data, storeId: socket.data.storeId }, select: { id: true } })
        .catch(() => null);
      if (!ticket) return ack?.({ ok: false, error: "ticket not found" });
      await socket.join(ticketRoom(ticket.id));
      ack?.({ ok: true });
      await announcePresence(ticket.id);
    });

    socket.on("ticket:leave", async (rawTicketId) => {
      const parsed = ticketIdSchema.safeParse(rawTicketId);
      if (!parsed.success || !socket.rooms.has(ticketRoom(parsed.data))) return;
      if (socket.data.typingIn === parsed.data) socket.data.typingIn = undefined;
      await socket.leave(ticketRoom(parsed.data));
      await announcePresence(parsed.data);
    });

    socket.on("ticket:typing", async (payload) => {
      const parsed = typingSchema.safeParse(payload);
      // Typing is only announced in rooms the socket was allowed to join.
      if (!parsed.success || !socket.rooms.has(ticketRoom(parsed.data.ticketId))) return;
      socket.data.typingIn = parsed.data.typing ? parsed.data.ticketId : undefined;
      await announcePresence(parsed.data.ticketId);
    });

    socket.on("disconnecting", () => {
      const tickets = [...socket.rooms].filter((room) => room.startsWith("ticket:")).map((room) => room.slice("ticket:".length));
      // Presence is recomputed once the socket has actually left its rooms.
      setImmediate(() => tickets.forEach((ticketId) => void announcePresence(ticketId)));
    });
  });

  setRealtimeServer(io);
  return {
    io,
    close: async () => {
      setRealtimeServer(undefined);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await closeAdapter();
    },
  };
}
