// The BigCommerce emulator on its own:
//   npx tsx lib/emulators/bigcommerce/cli.ts [--port 4010] [--store demo] [--token T]
//       [--destination http://localhost:3000/api/webhooks/bigcommerce --secret S] [--traffic 10]
// Point Tern at it with BIGCOMMERCE_API_URL=<printed url>. With --destination it registers hooks
// for Tern's scopes carrying `X-Tern-Webhook-Secret: S`; with --traffic N it simulates shoppers,
// one change every N seconds.
import { parseArgs } from "node:util";
import { TERN_WEBHOOK_SCOPES } from "@/lib/bigcommerce/webhooks/webhook-scopes.ts";
import { WEBHOOK_SECRET_HEADER } from "@/lib/bigcommerce/webhooks/webhook-secret-header.ts";
import { startDemoTraffic } from "./demo-traffic.ts";
import { startBigcommerceEmulator } from "./start-bigcommerce-emulator.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    store: { type: "string", default: "demo" },
    token: { type: "string" },
    destination: { type: "string" },
    secret: { type: "string" },
    traffic: { type: "string" },
    quota: { type: "string" },
  },
});

const emulator = await startBigcommerceEmulator({ port: Number(values.port), rateLimit: values.quota ? { quota: Number(values.quota) } : undefined });
const shop = emulator.store(values.store);
if (values.token) shop.accessToken = values.token;
if (values.destination) {
  for (const scope of TERN_WEBHOOK_SCOPES) {
    shop.createHook({ scope, destination: values.destination, headers: values.secret ? { [WEBHOOK_SECRET_HEADER]: values.secret } : {} });
  }
}
console.log(`BigCommerce emulator at ${emulator.url}`);
console.log(`  store hash   ${shop.hash}`);
console.log(`  X-Auth-Token ${shop.accessToken}`);
console.log(`  API          ${emulator.url}/stores/${shop.hash}/v2/orders`);
if (values.destination) console.log(`  webhooks  →  ${values.destination}`);

const traffic = values.traffic ? startDemoTraffic(shop, { intervalMs: Number(values.traffic) * 1000, initialOrders: 3, onError: (error) => console.error(error) }) : null;

async function shutdown(): Promise<void> {
  traffic?.stop();
  await emulator.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
