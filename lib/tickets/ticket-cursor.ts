import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";

/** Position in the queue's order (updatedAt desc, id desc): the last row of the previous page. */
export type TicketCursor = { updatedAt: Date; id: string };

/** Opaque to clients: base64url of the sort key, so the order can change without breaking the contract. */
export function encodeTicketCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.updatedAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeTicketCursor(value: string): TicketCursor {
  const invalid = new AppError("BAD_REQUEST", "Invalid cursor");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid;
  const [updatedAt, id] = parsed as unknown[];
  if (typeof updatedAt !== "string" || typeof id !== "string" || !isUuid(id)) throw invalid;
  const date = new Date(updatedAt);
  // A date PostgreSQL cannot store (before 4713 BC, year 0, far future) is no position in any queue.
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) throw invalid;
  return { updatedAt: date, id };
}
