"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events.ts";

export type TernSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: TernSocket | undefined;

/** One connection per tab, shared by every component; the session cookie authenticates it. */
export function getSocket(): TernSocket {
  socket ??= io({ path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });
  return socket;
}
