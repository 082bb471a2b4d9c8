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
};

/** Thrown by a processor when retrying can never help (unparseable payload, unknown shape): dead-letter at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentEventError";
  }
}
