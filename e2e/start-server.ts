// The server the e2e suite drives: a production build of Tern on a fresh, migrated database
// (on DATABASE_URL's server, or an embedded PostgreSQL), with the demo people seeded.
import { bigcommerceSecretColumns, telegramSecretColumns } from "@/lib/crypto/webhook-secrets.ts";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createTestDatabase } from "@/tests/test-database.ts";
import { E2E_WORLD } from "./support/e2e-world.ts";
import { configureE2eServer, e2eDataDir, e2eDatabaseUrlFile } from "./support/server-env.ts";

const port = Number(process.env.TERN_E2E_PORT ?? 3100);
const database = await createTestDatabase("tern_e2e");
process.env.DATABASE_URL = database.url;
configureE2eServer(port);
// A peer instance (e2e/scale-out.spec.ts) joins this database.
mkdirSync(e2eDataDir(port), { recursive: true });
writeFileSync(e2eDatabaseUrlFile(port), database.url, { mode: 0o600 });

const { db } = await import("@/lib/db/client.ts");
const { seedDemo, DEMO_STORE_HASH } = await import("@/lib/demo/seed-demo.ts");
const { sealSecret } = await import("@/lib/crypto/secret-box.ts");
await seedDemo(db());
// The demo store's outside-world credentials, as the app install and the bot setup would leave them.
await db().store.update({
  where: { bigcommerceHash: DEMO_STORE_HASH },
  data: {
    accessTokenEncrypted: sealSecret(E2E_WORLD.bigcommerceToken),
    ...bigcommerceSecretColumns(E2E_WORLD.bigcommerceWebhookSecret),
    telegramBotTokenEncrypted: sealSecret(E2E_WORLD.telegramToken),
    ...telegramSecretColumns(E2E_WORLD.telegramWebhookSecret),
  },
});

const { startTern } = await import("@/lib/server/start-tern.ts");
const tern = await startTern({ dev: false });

async function stop() {
  await tern.close().catch(() => undefined);
  await database.drop().catch(() => undefined);
  rmSync(e2eDatabaseUrlFile(port), { force: true });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
