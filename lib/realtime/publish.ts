import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SlaEventPayload, SocketData } from "./events.ts";
import { storeRoom } from "./events.ts";
import { processShared } from "@/lib/config/process-registry.ts";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** One message to some rooms (what a domain event becomes in realtime-subscriber.ts). */
export type Broadcast = { [E in keyof ServerToClientEvents]: { rooms: string[]; event: E; payload: Parameters<ServerToClientEvents[E]>[0] } }[keyof ServerToClientEvents];

// server.ts and Next's route bundle are separate module graphs in the web process: they share the
// server through the process registry. The worker process has one too, that never listens (start-worker.ts).
const holder = processShared<{ ternRealtime?: RealtimeServer }>("realtime/server", () => ({}));

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  holder.ternRealtime = io;
}

function io(): RealtimeServer | undefined {
  return holder.ternRealtime;
}

/** Sends to the rooms through `server` (and its adapter, to other instances). */
export function emitTo(server: RealtimeServer, broadcast: Broadcast): void {
  const { rooms, event, payload } = broadcast;
  (server.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);
}

/** Sends to the rooms through this process's socket.io server (and its adapter, to other instances). */
export function emitBroadcast(broadcast: Broadcast): void {
  const server = io();
  if (server) emitTo(server, broadcast);
}

/** Ends the live connections of a store (uninstalled) or of one of its users (removed or disabled): a reconnect is authenticated afresh. */
export async function disconnectSockets(storeId: string, userId?: string): Promise<void> {
  const server = io();
  if (!server) return;
  const sockets = await server.in(storeRoom(storeId)).fetchSockets();
  for (const socket of sockets) if (!userId || socket.data.userId === userId) socket.disconnect(true);
}

export function publishSlaEvent(storeId: string, event: SlaEventPayload): void {
  emitBroadcast({ rooms: [storeRoom(storeId)], event: "sla:event", payload: event });
}

export function publishMetricsChanged(storeId: string, reason: string): void {
  emitBroadcast({ rooms: [storeRoom(storeId)], event: "metrics:changed", payload: { reason } });
}
