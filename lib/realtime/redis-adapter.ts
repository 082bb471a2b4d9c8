import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import type { RealtimeServer } from "./publish.ts";

/** Fans socket.io events across Tern instances that share one Redis. */
export async function attachRedisAdapter(
  io: RealtimeServer,
  redisUrl: string,
  options: { channelPrefix?: string; log?: (line: string) => void } = {},
): Promise<() => Promise<void>> {
  const { log } = options;
  const publisher = createClient({ url: redisUrl });
  const subscriber = publisher.duplicate();
  publisher.on("error", (error) => log?.(`redis publisher: ${String(error)}`));
  subscriber.on("error", (error) => log?.(`redis subscriber: ${String(error)}`));
  await Promise.all([publisher.connect(), subscriber.connect()]);
  io.adapter(createAdapter(publisher, subscriber, { key: options.channelPrefix ?? "tern" }));
  log?.("socket.io fans out through Redis");
  return async () => {
    await Promise.allSettled([publisher.quit(), subscriber.quit()]);
  };
}
