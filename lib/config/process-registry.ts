/**
 * The one place Tern keeps state per process instead of per module: the database pools, the
 * socket.io server, the runtime configuration, and caches that must be one per process (an entry
 * dropped by an API route must be gone for the webhook receiver too). The web process loads `lib`
 * twice, in Next's bundle and in server.ts, and module state would exist twice; this registry is
 * the only global slot, so each module's shared state is found under its own key.
 */
const SLOT = Symbol.for("tern.process-registry");

type Holder = { [SLOT]?: Map<string, unknown> };

/** The process's shared value for `key`, made by `create` the first time. Keys are module names. */
export function processShared<T>(key: string, create: () => T): T {
  const holder = globalThis as Holder;
  const entries = (holder[SLOT] ??= new Map());
  if (!entries.has(key)) entries.set(key, create());
  return entries.get(key) as T;
}
