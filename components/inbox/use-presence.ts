"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { getSocket } from "@/components/realtime/socket-client.ts";
import type { PresenceEntry } from "@/lib/realtime/events.ts";

const TYPING_IDLE_MS = 3_000;

/**
 * Joins the ticket's room while the ticket is open: the server then tells everyone in it who is
 * viewing and who is typing (lib/realtime/socket-server.ts). Returns the others, and a typing
 * signal for the composer that stops by itself after a few idle seconds.
 */
export function usePresence(ticketId: string, userId: string) {
  const [viewers, setViewers] = useState<PresenceEntry[]>([]);
  const typing = useRef(false);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const socket = getSocket();
    const join = () => socket.emit("ticket:join", ticketId);
    const onPresence = (payload: { ticketId: string; viewers: PresenceEntry[] }) => {
      if (payload.ticketId === ticketId) setViewers(payload.viewers);
    };
    socket.on("presence:changed", onPresence);
    // Rooms do not survive a reconnect: join again.
    socket.on("connect", join);
    if (socket.connected) join();
    return () => {
      clearTimeout(idle.current);
      typing.current = false;
      socket.off("presence:changed", onPresence);
      socket.off("connect", join);
      socket.emit("ticket:leave", ticketId);
      setViewers([]);
    };
  }, [ticketId]);

  const emitTyping = useCallback(
    (active: boolean) => {
      if (typing.current === active) return;
      typing.current = active;
      getSocket().emit("ticket:typing", { ticketId, typing: active });
    },
    [ticketId],
  );

  const setTyping = useCallback(
    (active: boolean) => {
      clearTimeout(idle.current);
      if (active) idle.current = setTimeout(() => emitTyping(false), TYPING_IDLE_MS);
      emitTyping(active);
    },
    [emitTyping],
  );

  return { others: viewers.filter((viewer) => viewer.userId !== userId), setTyping };
}
