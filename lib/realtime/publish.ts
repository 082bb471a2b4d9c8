import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SlaEventPayload, SocketData } from "./events.ts";
import { storeRoom, ticketRoom } from "./events.ts";
import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

// server.ts and Next's route bundle are separate module graphs in one process: share the server through globalThis.
const holder = globalThis as unknown as { ternRealtime?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  holder.ternRealtime = io;
}

function io(): RealtimeServer | undefined {
  return holder.ternRealtime;
}

/** Call only after the transaction that made the change has committed. */
export function publishTicketCreated(storeId: string, ticket: TicketDto): void {
  io()?.to(storeRoom(storeId)).emit("ticket:created", { ticket });
}

export function publishTicketUpdated(storeId: string, ticket: TicketDto): void {
  io()?.to(storeRoom(storeId)).emit("ticket:updated", { ticket });
}

/** Messages go to the ticket's room and the store room (the queue shows the latest activity). */
export function publishMessageCreated(storeId: string, message: MessageDto): void {
  io()?.to([storeRoom(storeId), ticketRoom(message.ticketId)]).emit("message:created", { ticketId: message.ticketId, message });
}

export function publishMessageUpdated(storeId: string, message: MessageDto): void {
  io()?.to([storeRoom(storeId), ticketRoom(message.ticketId)]).emit("message:updated", { ticketId: message.ticketId, message });
}

/** Ends the live connections of a store (uninstalled) or of one of its users (removed or disabled): a reconnect is authenticated afresh. */
export async function disconnectSockets(storeId: string, userId?: string): Promise<void> {
  const server = io();
  if (!server) return;
  const sockets = await server.in(storeRoom(storeId)).fetchSockets();
  for (const socket of sockets) if (!userId || socket.data.userId === userId) socket.disconnect(true);
}

export function publishSlaEvent(storeId: string, event: SlaEventPayload): void {
  io()?.to(storeRoom(storeId)).emit("sla:event", event);
}

export function publishMetricsChanged(storeId: string, reason: string): void {
  io()?.to(storeRoom(storeId)).emit("metrics:changed", { reason });
}
