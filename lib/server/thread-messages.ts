import type { Broadcast } from "@/lib/realtime/publish.ts";

/** What a worker thread tells the main thread. */
export type FromThread = { type: "broadcast"; broadcast: Broadcast } | { type: "wake"; name: string } | { type: "log"; line: string };

/** What the main thread tells a worker thread. */
export type ToThread = { type: "wake"; name: string } | { type: "stop" };
