import type { Db } from "@/lib/db/client.ts";
import { AppError } from "@/lib/errors.ts";
import { isUuid } from "@/lib/ids/is-uuid.ts";
import { orderEntries } from "./order-entries.ts";
import { threadEntries } from "./thread-entries.ts";
import { comesBefore, encodeTimelineCursor, type TimelineCursor } from "./timeline-cursor.ts";
import { TIMELINE_KINDS, type TimelineKind, type TimelinePage } from "./timeline-entry.ts";

export type ListTimelineInput = { storeId: string; customerId: string; kinds?: readonly TimelineKind[]; cursor?: TimelineCursor; limit?: number };

export const DEFAULT_TIMELINE_LIMIT = 30;

/**
 * One timeline of a customer's orders, order news, tickets, messages and CSAT answers, newest
 * first, in keyset pages. Each source gives its next `limit + 1` entries after the cursor; the
 * merge of those is exact, and one entry more than a page says there is a next one.
 */
export async function listCustomerTimeline(db: Db, input: ListTimelineInput): Promise<TimelinePage> {
  const { storeId, customerId } = input;
  const customer = isUuid(customerId) ? await db.customer.findFirst({ where: { id: customerId, storeId }, select: { id: true } }) : null;
  if (!customer) throw new AppError("NOT_FOUND", "Customer not found");
  const kinds = input.kinds?.length ? input.kinds : TIMELINE_KINDS;
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_TIMELINE_LIMIT, 1), 100);
  const cursor = input.cursor ?? null;
  const [orders, thread] = await Promise.all([
    kinds.includes("order") ? orderEntries(db, { storeId, customerId, cursor, limit: limit + 1 }) : [],
    threadEntries(db, { storeId, customerId, kinds, cursor, limit: limit + 1 }),
  ]);
  const merged = [...orders, ...thread].sort((a, b) => (comesBefore(a, b) ? -1 : 1));
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map((item) => item.entry), nextCursor: merged.length > limit && last ? encodeTimelineCursor(last) : null };
}
