import type { Tx } from "@/lib/db/client.ts";
import { recordInboundEvent, type RecordedInboundEvent } from "@/lib/inbound/record-inbound-event.ts";

export type RawUpdate = { update_id: number } & Record<string, unknown>;

/** Stores one update for the inbound worker, deduplicated on the bot and update_id (webhook and polling alike). */
export function recordTelegramUpdate(db: Tx, input: { storeId: string; botId: string; update: RawUpdate }): Promise<RecordedInboundEvent> {
  const kind = Object.keys(input.update).find((key) => key !== "update_id") ?? "unknown";
  return recordInboundEvent(db, {
    storeId: input.storeId,
    source: "TELEGRAM",
    dedupeKey: `tg:${input.botId}:${input.update.update_id}`,
    kind,
    payload: input.update,
  });
}

export function isRawUpdate(value: unknown): value is RawUpdate {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const updateId = (value as { update_id?: unknown }).update_id;
  return typeof updateId === "number" && Number.isSafeInteger(updateId) && updateId >= 0;
}
