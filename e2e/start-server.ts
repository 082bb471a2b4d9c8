// The server the e2e suite drives: a production build of Tern on a fresh, migrated database
// (on DATABASE_URL's server, or an embedded PostgreSQL), with the demo people seeded.
import { createTestDatabase } from "@/tests/test-database.ts";
import { E2E_WORLD } from "./support/e2e-world.ts";
import { E2E_APP, e2eEmulatorUrls } from "./support/emulator-ports.ts";

const database = await createTestDatabase("tern_e2e");
process.env.DATABASE_URL = database.url;
process.env.PORT = process.env.TERN_E2E_PORT ?? "3100";
process.env.TERN_DATA_DIR = `.data/e2e-${process.env.PORT}`;
(process.env as Record<string, string>).NODE_ENV = "production";

// BigCommerce and Telegram are emulators run by the specs (e2e/support/emulators.ts,
// control-panel.ts): Tern gets their URLs and the emulated app's credentials, and the demo store
// the credentials of its emulated shop and bot. Demo mode stays off (it would start emulators and
// traffic of its own); its people are seeded here instead.
const emulators = e2eEmulatorUrls(Number(process.env.PORT));
Object.assign(process.env, {
  TERN_DEMO: "0",
  TERN_ENCRYPTION_KEY: E2E_WORLD.encryptionKey,
  BIGCOMMERCE_API_URL: emulators.bigcommerce,
  BIGCOMMERCE_LOGIN_URL: emulators.bigcommerce,
  BIGCOMMERCE_CLIENT_ID: E2E_APP.clientId,
  BIGCOMMERCE_CLIENT_SECRET: E2E_APP.clientSecret,
  TELEGRAM_API_ROOT: emulators.telegram,
  TELEGRAM_MODE: "webhook",
});
const { db } = await import("@/lib/db/client.ts");
const { seedDemo, DEMO_STORE_HASH } = await import("@/lib/demo/seed-demo.ts");
const { sealSecret } = await import("@/lib/crypto/secret-box.ts");
await seedDemo(db());
await db().store.update({
  where: { bigcommerceHash: DEMO_STORE_HASH },
  data: {
    accessTokenEncrypted: sealSecret(E2E_WORLD.bigcommerceToken),
    webhookSecret: E2E_WORLD.bigcommerceWebhookSecret,
    telegramBotTokenEncrypted: sealSecret(E2E_WORLD.telegramToken),
    telegramWebhookSecret: E2E_WORLD.telegramWebhookSecret,
  },
});

const { startTern } = await import("@/lib/server/start-tern.ts");
const tern = await startTern({ dev: false });

async function stop() {
  await tern.close().catch(() => undefined);
  await database.drop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
