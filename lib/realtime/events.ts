import type { MessageDto, TicketDto } from "@/lib/tickets/ticket-dto.ts";

/** Rooms: every socket joins its store's room; a ticket view joins that ticket's room. */
export const storeRoom = (storeId: string) => `store:${storeId}`;
export const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;

export type PresenceEntry = { userId: string; name: string; typing: boolean };

export type ServerToClientEvents = {
  "ticket:created": (payload: { ticket: TicketDto }) => void;
  "ticket:updated": (payload: { ticket: TicketDto }) => void;
  "message:created": (payload: { ticketId: string; message: MessageDto }) => void;
  "message:updated": (payload: { ticketId: string; message: MessageDto }) => void;
  "presence:changed": (payload: { ticketId: string; viewers: PresenceEntry[] }) => void;
  /** An SLA warning, breach, met target or escalation recorded by the scheduler (lib/sla). */
  "sla:event": (payload: SlaEventPayload) => void;
  /** Something the supervisor dashboard shows changed outside ticket events (e.g. an agent's availability). */
  "metrics:changed": (payload: { reason: string }) => void;
};

export type SlaEventPayload = {
  ticketId: string;
  ticketNumber: number;
  kind: "FIRST_RESPONSE" | "NEXT_RESPONSE" | "RESOLUTION";
  type: "WARNING" | "BREACH" | "MET" | "ESCALATED";
  at: string;
  dueAt: string;
};

export type Ack = (result: { ok: true } | { ok: false; error: string }) => void;

export type ClientToServerEvents = {
  "ticket:join": (ticketId: string, ack?: Ack) => void;
  "ticket:leave": (ticketId: string) => void;
  "ticket:typing": (payload: { ticketId: string; typing: boolean }) => void;
};

/** What a socket knows about its user once the next-auth session is verified. */
export type SocketData = { userId: string; storeId: string; role: string; name: string; typingIn?: string };
