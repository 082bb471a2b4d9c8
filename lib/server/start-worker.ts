import { createServer } from "node:http";
import type { Env } from "@/lib/config/env.ts";
import type { RuntimeConfig } from "@/lib/config/runtime-config.ts";
import { configureDb, db } from "@/lib/db/client.ts";
import { listenForNotifications } from "@/lib/db/listen-for-notifications.ts";
import { startDemoEmulators, type DemoPorts } from "@/lib/demo/start-demo-emulators.ts";
import { DOMAIN_EVENTS_CHANNEL } from "@/lib/domain-events/domain-event.ts";
import { startDomainEventDispatcher } from "@/lib/domain-events/start-domain-event-dispatcher.ts";
import { INBOUND_EVENTS_CHANNEL, notifyInboundEvent } from "@/lib/inbound/inbound-signal.ts";
import { emitTo } from "@/lib/realtime/publish.ts";
import { realtimeSubscriber } from "@/lib/realtime/realtime-subscriber.ts";
import { createRealtimeServer } from "@/lib/realtime/socket-server.ts";
import { telegramSubscriber } from "@/lib/telegram/telegram-subscriber.ts";
import { startBackgroundJobs } from "./background-jobs.ts";

export type WorkerOptions = {
  config: RuntimeConfig;
  env: Env;
  dataDir: string;
  /** Demo mode: the ports its emulators listen on (the URLs in `config` name them). */
  demoPorts: DemoPorts | null;
  instanceId: string;
  log: (line: string) => void;
};

// The worker's connections: two lanes of six inbound events, the Telegram sender, the SLA
// scheduler and the domain-event dispatcher share them.
const WORKER_POOL_SIZE = 20;

/**
 * Tern's worker: everything that is not answering a request. The inbound events (webhooks and
 * Telegram updates the web process stored), the domain-event dispatcher (pushes to the inbox
 * through the socket.io adapter, the Telegram channel's reactions), the Telegram sender and bots,
 * the SLA scheduler, snooze wake-ups, reconciliation, and in demo mode the emulators and their
 * simulated traffic. It meets the web process only in PostgreSQL: stored rows, and NOTIFY to be
 * woken. Any number may run on one database.
 */
export async function startWorker(options: WorkerOptions): Promise<{ close: () => Promise<void> }> {
  const { config, env, log } = options;
  // A small, fixed set of query shapes: each connection plans them once (lib/db/client.ts).
  configureDb({ poolSize: WORKER_POOL_SIZE, cacheStatements: true });
  const demo = options.demoPorts ? await startDemoEmulators({ dataDir: options.dataDir, ports: options.demoPorts, log }) : null;
  // An HTTP server that never listens: socket.io needs one to broadcast through its adapter.
  const realtime = await createRealtimeServer(createServer(), { redisUrl: env.REDIS_URL, databaseUrl: config.databaseUrl, log });
  const dispatcher = startDomainEventDispatcher(db(), {
    log,
    subscribers: [realtimeSubscriber(db(), (broadcast) => emitTo(realtime.io, broadcast)), telegramSubscriber(db(), log)],
  });
  // One LISTEN connection for both wake-ups (each listening connection is woken by every NOTIFY).
  const wakeUps = listenForNotifications(config.databaseUrl, { [INBOUND_EVENTS_CHANNEL]: notifyInboundEvent, [DOMAIN_EVENTS_CHANNEL]: dispatcher.wake }, log);
  const stopJobs = await startBackgroundJobs({ env, log, demo, instanceId: options.instanceId, handOffDomainEvents: dispatcher.handOff });
  return {
    close: async () => {
      await stopJobs();
      await dispatcher.stop();
      await wakeUps.close();
      await realtime.close();
      await demo?.close();
      await db().$disconnect();
    },
  };
}
