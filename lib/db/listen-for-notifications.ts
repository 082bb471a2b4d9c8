import pg from "pg";

const RECONNECT_DELAY_MS = 1_000;

export type NotificationListener = { close: () => Promise<void> };

/**
 * Keeps one connection LISTENing on each channel of `handlers` and calls the channel's handler for
 * each notification. One connection per process for all its channels: PostgreSQL wakes every
 * listening connection of a database on every NOTIFY, whatever its channel. A lost connection (the
 * database restarting) is opened again; every handler is then called once, since notifications
 * sent while it was away are gone and the caller must look for itself.
 */
export function listenForNotifications(databaseUrl: string, handlers: Readonly<Record<string, () => void>>, log: (line: string) => void): NotificationListener {
  const channels = Object.keys(handlers);
  for (const channel of channels) if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  const what = `LISTEN ${channels.join(", ")}`;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (reconnecting: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      if (Object.hasOwn(handlers, message.channel)) handlers[message.channel]!();
    });
    next.on("error", (error) => log(`${what}: ${error.message}`));
    next.on("end", () => {
      if (client !== next) return;
      client = null;
      if (!closed) retry = setTimeout(() => void connect(true), RECONNECT_DELAY_MS);
    });
    try {
      await next.connect();
      await next.query(channels.map((channel) => `LISTEN ${channel};`).join(" "));
    } catch (error) {
      log(`${what}: ${error instanceof Error ? error.message : String(error)}; trying again`);
      await next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(true), RECONNECT_DELAY_MS);
      return;
    }
    if (closed) return void (await next.end().catch(() => undefined));
    client = next;
    if (reconnecting) for (const handler of Object.values(handlers)) handler();
  };
  void connect(false);

  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
