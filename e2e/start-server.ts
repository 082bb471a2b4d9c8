// The server the e2e suite drives: a production build of Tern on a fresh, migrated database
// (on DATABASE_URL's server, or an embedded PostgreSQL), with the demo people seeded.
import { createTestDatabase } from "@/tests/test-database.ts";

const database = await createTestDatabase("tern_e2e");
process.env.DATABASE_URL = database.url;
process.env.PORT = process.env.TERN_E2E_PORT ?? "3100";
process.env.TERN_DEMO = "1";
process.env.TERN_DATA_DIR = `.data/e2e-${process.env.PORT}`;
(process.env as Record<string, string>).NODE_ENV = "production";

const { startTern } = await import("@/lib/server/start-tern.ts");
const tern = await startTern({ dev: false });

async function stop() {
  await tern.close().catch(() => undefined);
  await database.drop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
