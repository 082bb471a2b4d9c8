// What the webhook benchmarks share: a store connected to the BigCommerce emulator, and the load
// generator (load-worker.mjs) run on a thread of its own.
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import { sealSecret } from "@/lib/crypto/secret-box.ts";
import { bigcommerceSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { db } from "@/lib/db/client.ts";
import type { EmulatedStore } from "@/lib/emulators/bigcommerce/emulated-store.ts";
import type { BigcommerceEmulator } from "@/lib/emulators/bigcommerce/start-bigcommerce-emulator.ts";

export type LoadResult = { latenciesMs: number[]; statuses: Record<string, number>; elapsedMs: number; sent: number };

/** Runs load-worker.mjs with these options until it reports. */
export function runLoadWorker(options: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { salt: randomUUID(), maxRequests: 1_000_000, orderIds: null, ...options } });
    worker.once("message", (message: LoadResult) => resolve(message));
    worker.once("error", reject);
  });
}

/** A Tern store with a webhook secret, its emulated BigCommerce store, and Tern holding that store's token. */
export async function createBenchStore(emulator: BigcommerceEmulator, name: string, hashPrefix: string): Promise<{ store: { id: string; bigcommerceHash: string }; shop: EmulatedStore; webhookSecret: string }> {
  const webhookSecret = randomUUID();
  const store = await db().store.create({
    data: { name, bigcommerceHash: `${hashPrefix}-${randomUUID().slice(0, 8)}`, ...bigcommerceSecretColumns(webhookSecret) },
    select: { id: true, bigcommerceHash: true },
  });
  const shop = emulator.store(store.bigcommerceHash);
  await db().store.update({ where: { id: store.id }, data: { accessTokenEncrypted: sealSecret(shop.accessToken) } });
  return { store, shop, webhookSecret };
}
