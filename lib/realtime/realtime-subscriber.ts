import type { Db } from "@/lib/db/client.ts";
import type { DomainEvent, DomainEventSubscriber } from "@/lib/domain-events/domain-event.ts";
import { readMessageDtoRows } from "@/lib/tickets/read-message-dto-rows.ts";
import { ticketDtoSelect, toMessageDto, toTicketDto } from "@/lib/tickets/ticket-dto.ts";
import { storeRoom, ticketRoom } from "./events.ts";
import type { Broadcast } from "./publish.ts";

async function broadcastsOfStore(db: Db, storeId: string, events: readonly DomainEvent[]): Promise<Broadcast[]> {
  const ticketIds = new Set<string>();
  const created = new Set<string>();
  const messageIds = new Set<string>();
  for (const event of events) {
    if ((event.type === "ticket.created" || event.type === "ticket.updated") && event.ticketId) ticketIds.add(event.ticketId);
    if (event.type === "ticket.created" && event.ticketId) created.add(event.ticketId);
    if ((event.type === "message.added" || event.type === "message.updated") && event.data.messageId) messageIds.add(event.data.messageId);
  }
  // The state as it is now: a later change in the same batch, or one already committed, is shown once.
  const [tickets, messages] = await Promise.all([
    ticketIds.size ? db.ticket.findMany({ where: { storeId, id: { in: [...ticketIds] } }, select: ticketDtoSelect }) : [],
    readMessageDtoRows(db, storeId, [...messageIds]),
  ]);
  const ticketById = new Map(tickets.map((row) => [row.id, toTicketDto(row)]));
  const messageById = new Map(messages.map((row) => [row.id, toMessageDto(row)]));

  const out: Broadcast[] = [];
  const sent = new Set<string>();
  const once = (key: string) => !sent.has(key) && Boolean(sent.add(key));
  for (const event of events) {
    if ((event.type === "ticket.created" || event.type === "ticket.updated") && event.ticketId) {
      const ticket = ticketById.get(event.ticketId);
      if (!ticket || !once(`ticket:${ticket.id}`)) continue;
      out.push({ rooms: [storeRoom(storeId)], event: created.has(ticket.id) ? "ticket:created" : "ticket:updated", payload: { ticket } });
    } else if ((event.type === "message.added" || event.type === "message.updated") && event.data.messageId) {
      const message = messageById.get(event.data.messageId);
      const name = event.type === "message.added" ? "message:created" : "message:updated";
      if (!message || !once(`${name}:${message.id}`)) continue;
      // Messages go to the ticket's room and the store room (the queue shows the latest activity).
      out.push({ rooms: [storeRoom(storeId), ticketRoom(message.ticketId)], event: name, payload: { ticketId: message.ticketId, message } });
    }
  }
  return out;
}

/**
 * The inbox's live updates: each committed change goes to its store's agents over socket.io (and
 * through the adapter to every instance), showing the ticket and its messages as they are now.
 */
export function realtimeSubscriber(db: Db, emit: (broadcast: Broadcast) => void): DomainEventSubscriber {
  return {
    name: "realtime",
    deliver: async (events) => {
      const stores = new Map<string, DomainEvent[]>();
      for (const event of events) {
        const ofStore = stores.get(event.storeId);
        if (ofStore) ofStore.push(event);
        else stores.set(event.storeId, [event]);
      }
      const batches = await Promise.all([...stores].map(([storeId, ofStore]) => broadcastsOfStore(db, storeId, ofStore)));
      for (const broadcast of batches.flat()) emit(broadcast);
    },
  };
}
