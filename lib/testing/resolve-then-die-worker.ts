// A worker process for lib/domain-events/crash-before-delivery.integration.test.ts: it runs the
// production dispatcher with the production subscribers, resolves a ticket, and stops dead once
// the dispatcher has claimed that change's events and before any subscriber sees them (it tells
// its parent, which kills it with SIGKILL). Input: DATABASE_URL, and STORE_ID and TICKET_ID.
import { databaseUrl, db } from "@/lib/db/client.ts";
import { startDomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { telegramSubscriber } from "@/lib/telegram/telegram-subscriber.ts";
import { transitionTicket } from "@/lib/ticket-lifecycle/transition-ticket.ts";

const storeId = process.env.STORE_ID!;
const ticketId = process.env.TICKET_ID!;
const tell = (message: object) => process.send?.(message);
const log = (line: string) => tell({ log: line });

startDomainEventDispatcher(db(), {
  databaseUrl: databaseUrl(),
  log,
  storeIds: [storeId],
  // Its claims expire soon, so the test's replacement need not wait the production 30 s.
  leaseMs: 1_000,
  subscribers: [telegramSubscriber(db(), log)],
  onClaimed: async (ids) => {
    tell({ claimed: ids.map(String) });
    await new Promise(() => undefined);
  },
});
await transitionTicket(db(), { storeId, ticketId, to: "RESOLVED" });
tell({ committed: true });
