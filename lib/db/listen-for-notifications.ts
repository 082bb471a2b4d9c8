import pg from "pg";

const RECONNECT_DELAY_MS = 1_000;

export type NotificationListener = { close: () => Promise<void> };

/**
 * Keeps one connection LISTENing on `channel` and calls `onNotify` for each notification. A lost
 * connection (the database restarting) is opened again; `onNotify` is then called once, since
 * notifications sent while it was away are gone and the caller must look for itself.
 */
export function listenForNotifications(databaseUrl: string, channel: string, onNotify: () => void, log: (line: string) => void): NotificationListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (reconnecting: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify();
    });
    next.on("error", (error) => log(`LISTEN ${channel}: ${error.message}`));
    next.on("end", () => {
      if (client !== next) return;
      client = null;
      if (!closed) retry = setTimeout(() => void connect(true), RECONNECT_DELAY_MS);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      log(`LISTEN ${channel}: ${error instanceof Error ? error.message : String(error)}; trying again`);
      await next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(true), RECONNECT_DELAY_MS);
      return;
    }
    if (closed) return void (await next.end().catch(() => undefined));
    client = next;
    if (reconnecting) onNotify();
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
