import type { Channel } from "@/lib/generated/prisma/enums.ts";
import { SNOOZE_ENDED } from "./snooze.ts";

/**
 * What every inbound customer message changes on its ticket, whatever the channel (Telegram,
 * BigCommerce order messages): the thread's last activity moves, the channel the customer writes
 * on is noted (the queue shows it), and a snooze ends, since a snooze means "nothing to do until
 * then" and the customer writing is something to do. Spread into the ticket update made in the
 * transaction that stores the message.
 */
export function customerWroteUpdate(now: Date, channel: Channel): { lastMessageAt: Date; customerChannel: Channel; snoozedUntil: null } {
  return { lastMessageAt: now, customerChannel: channel, ...SNOOZE_ENDED };
}
