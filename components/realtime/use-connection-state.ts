"use client";

import { useSyncExternalStore } from "react";
import { getSocket } from "./socket-client.ts";

export type ConnectionState = "live" | "offline";

function subscribe(onChange: () => void): () => void {
  const socket = getSocket();
  socket.on("connect", onChange);
  socket.on("disconnect", onChange);
  socket.on("connect_error", onChange);
  return () => {
    socket.off("connect", onChange);
    socket.off("disconnect", onChange);
    socket.off("connect_error", onChange);
  };
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    subscribe,
    () => (getSocket().connected ? "live" : "offline"),
    () => "offline",
  );
}
