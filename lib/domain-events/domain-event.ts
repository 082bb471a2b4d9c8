/**
 * What a committed ticket change still has to cause elsewhere. Events name what happened, not who
 * reacts: the inbox's live updates and the Telegram channel subscribe (lib/realtime,
 * lib/telegram), the ticket core knows neither.
 */
export type DomainEventType = "ticket.created" | "ticket.updated" | "ticket.resolved" | "message.added" | "message.updated" | "delivery.queued";

export type DomainEventData = {
  messageId?: string;
  /** A message.added that queued an outbound Telegram message: the sender has work. */
  queuedForTelegram?: boolean;
};

/** `ticketId` is null only for delivery.queued: a bot reply or staff-chat copy that is not in a thread. */
export type NewDomainEvent = { storeId: string; type: DomainEventType; ticketId: string | null; data?: DomainEventData };

/** An event as a dispatcher claimed it: `attempts` counts this delivery too. */
export type DomainEvent = { id: bigint; storeId: string; type: DomainEventType; ticketId: string | null; data: DomainEventData; attempts: number };

/**
 * One module's reaction to events, delivered in batches in the order they were written. At least
 * once: an event comes again after a crash or a failed delivery, so a subscriber's effect must be
 * harmless twice (a push shows the ticket as it is; the CSAT question is asked once per resolution).
 * It returns the ids of events to try again later, or throws to have the whole batch tried again.
 */
export type DomainEventSubscriber = {
  name: string;
  deliver: (events: readonly DomainEvent[]) => Promise<readonly bigint[] | void>;
};

/**
 * Hands a dispatcher in this process events its writer just committed, already leased to it: they
 * are delivered at once, without a NOTIFY and a claim (a statement and a wake-up per event on the
 * inbox's busiest path). They are written with `availableAt` HANDED_OFF_LEASE_MS ahead and
 * `attempts` 1, so no other dispatcher takes them, and the insert's trigger notifies no one.
 */
export type DomainEventHandOff = (events: readonly DomainEvent[]) => void;

/** How long a handed-off event waits before any dispatcher may claim it: only if its writer's process died first. */
export const HANDED_OFF_LEASE_MS = 10_000;

/** The channel an insert into DomainEvent notifies at commit (the trigger of migration domain_event_outbox). */
export const DOMAIN_EVENTS_CHANNEL = "tern_domain_events";
