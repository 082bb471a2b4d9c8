// A second Tern instance for e2e/scale-out.spec.ts: the same production build and environment as
// the e2e server on TERN_E2E_PORT, on its database, listening on TERN_PEER_PORT. It neither
// seeds nor drops anything: the first instance owns the database.
import { readFileSync } from "node:fs";
import { configureE2eServer, e2eDatabaseUrlFile } from "./support/server-env.ts";

const appPort = Number(process.env.TERN_E2E_PORT ?? 3100);
const peerPort = Number(process.env.TERN_PEER_PORT);
if (!peerPort) throw new Error("TERN_PEER_PORT is not set");
process.env.DATABASE_URL = readFileSync(e2eDatabaseUrlFile(appPort), "utf8").trim();
configureE2eServer(appPort, peerPort);

const { startTern } = await import("@/lib/server/start-tern.ts");
const tern = await startTern({ dev: false, log: (line) => console.log(`[peer] ${line}`) });

async function stop() {
  await tern.close().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
