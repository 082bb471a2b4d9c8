import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EmulatedStore, EmulatedStoreState } from "@/lib/emulators/bigcommerce/emulated-store.ts";

/**
 * The demo store's BigCommerce data between runs. Without it a restarted demo's emulator forgot
 * its orders: events still in flight failed ("Order 100 does not exist") and order numbers began
 * again. Null when there is none yet, or it cannot be read (the demo then starts a fresh store).
 */
export function readDemoStoreState(file: string, log: (line: string) => void): EmulatedStoreState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, "utf8")) as EmulatedStoreState;
    if (state?.version !== 1 || !Array.isArray(state.orders)) throw new Error("unknown format");
    return state;
  } catch (error) {
    log(`demo store: ${file} could not be read (${error instanceof Error ? error.message : String(error)}); starting a new emulated store`);
    return undefined;
  }
}

/** Written whole and renamed into place, so a crash mid-write leaves the previous copy. */
export function writeDemoStoreState(file: string, store: EmulatedStore): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(store.exportState()), { mode: 0o600 });
  renameSync(partial, file);
}
