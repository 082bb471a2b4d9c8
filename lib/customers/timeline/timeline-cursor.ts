import { isUuid } from "@/lib/ids/is-uuid.ts";

/** Position in the timeline's order (at desc, id desc): the last entry of the previous page. */
export type TimelineCursor = { at: Date; id: string };

/** Opaque to clients: base64url of the sort key. */
export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

/** The cursor a client sent back, or null when it is not one this API made. */
export function decodeTimelineCursor(value: string): TimelineCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [at, id] = parsed as unknown[];
  if (typeof at !== "string" || typeof id !== "string" || !isUuid(id)) return null;
  const date = new Date(at);
  // A date PostgreSQL cannot store is no position in any timeline.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return null;
  return { at: date, id: id.toLowerCase() };
}

/**
 * Whether entry a comes before b in the timeline (newer first; ties by id, descending, as
 * PostgreSQL orders uuids: byte by byte, which for lower-case hex is string order).
 */
export function comesBefore(a: { at: Date; id: string }, b: { at: Date; id: string }): boolean {
  const byTime = a.at.getTime() - b.at.getTime();
  if (byTime !== 0) return byTime > 0;
  return a.id > b.id;
}
