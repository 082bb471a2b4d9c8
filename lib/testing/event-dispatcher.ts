import { databaseUrl, db } from "@/lib/db/client.ts";
import type { DomainEventSubscriber } from "@/lib/domain-events/domain-event.ts";
import { startDomainEventDispatcher, type DomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { emitTo, type RealtimeServer } from "@/lib/realtime/publish.ts";
import { realtimeSubscriber } from "@/lib/realtime/realtime-subscriber.ts";
import { telegramSubscriber } from "@/lib/telegram/telegram-subscriber.ts";

/**
 * The production dispatcher for a test's own stores (test files share one database and would
 * take each other's events), with the subscribers the test asks for: live updates through `io`,
 * and Telegram's (the outbox wake-up and the CSAT question).
 */
export function startTestDispatcher(input: {
  storeIds: string[];
  /** The socket.io server pushes go through (a function: the one set at the time, if any). */
  io?: RealtimeServer | (() => RealtimeServer | undefined);
  telegram?: boolean;
  leaseMs?: number;
}): DomainEventDispatcher {
  const log = (line: string) => console.log(`[test dispatcher] ${line}`);
  const subscribers: DomainEventSubscriber[] = [];
  const { io } = input;
  const server = typeof io === "function" ? io : () => io;
  if (io) {
    subscribers.push(
      realtimeSubscriber(db(), (broadcast) => {
        const current = server();
        if (current) emitTo(current, broadcast);
      }),
    );
  }
  if (input.telegram) subscribers.push(telegramSubscriber(db(), log));
  return startDomainEventDispatcher(db(), { databaseUrl: databaseUrl(), log, subscribers, storeIds: input.storeIds, sweepMs: 200, leaseMs: input.leaseMs });
}
