import type { DomainEventHandOff } from "@/lib/domain-events/domain-event.ts";
import { hasBrand } from "@/lib/errors.ts";
import type { InboundSource } from "@/lib/generated/prisma/enums.ts";

/** What a processor receives for one stored event (BigCommerce webhook or Telegram update). */
export type InboundEventForProcessing = {
  id: string;
  storeId: string | null;
  source: InboundSource;
  kind: string;
  payload: unknown;
  attempts: number;
  receivedAt: Date;
  /**
   * When this process had the event in hand (its own clock, after the claim returned): it was stored
   * before then, so anything read from BigCommerce after this moment is at least as new as the
   * change it announces (lib/bigcommerce/shared-order-reads.ts).
   */
  claimedAt?: number;
};

const PERMANENT_EVENT_ERROR = Symbol.for("tern.error.permanent-event");

/** Thrown by a processor when retrying can never help (unparseable payload, unknown shape): dead-letter at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentEventError";
  }
}

Object.defineProperty(PermanentEventError.prototype, PERMANENT_EVENT_ERROR, { value: true });

/** Recognised by its brand (lib/errors.ts), not by class: a processor may hold another copy of the class. */
export function isPermanentEventError(error: unknown): error is PermanentEventError {
  return hasBrand(error, PERMANENT_EVENT_ERROR);
}

/** The inbound worker's lease on the events it applies, and its process's dispatcher to hand their domain events to. */
export type WorkerLease = { workerId: string; handOff?: DomainEventHandOff };
