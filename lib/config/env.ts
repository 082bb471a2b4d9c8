import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const flag = z
  .enum(["1", "0", "true", "false", "on", "off", "yes", "no"])
  .transform((value) => ["1", "true", "on", "yes"].includes(value))
  .optional();

/** The SPEC's environment, validated once at start-up. Every variable is optional. */
const envSchema = z.object({
  DATABASE_URL: optionalText,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  NEXTAUTH_URL: optionalText,
  NEXTAUTH_SECRET: optionalText,
  BIGCOMMERCE_CLIENT_ID: optionalText,
  BIGCOMMERCE_CLIENT_SECRET: optionalText,
  BIGCOMMERCE_API_URL: z.url().default("https://api.bigcommerce.com"),
  BIGCOMMERCE_LOGIN_URL: z.url().default("https://login.bigcommerce.com"),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_MODE: z.enum(["webhook", "polling"]).default("webhook"),
  REDIS_URL: optionalText,
  // Proxies in front of Tern whose X-Forwarded-For is believed (addresses and CIDR ranges, comma-separated).
  TERN_TRUSTED_PROXIES: optionalText,
  TERN_DEMO: flag,
  TERN_DATA_DIR: z.string().default(".data"),
  TERN_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  // The in-process inbound event worker (lib/inbound); off for instances that only receive webhooks.
  TERN_INBOUND_WORKER: flag,
  // How often recent BigCommerce orders are reconciled with Tern's snapshots (ms; 0 = never).
  TERN_RECONCILE_MS: z.coerce.number().int().min(0).default(600_000),
  // Demo mode: time between two simulated store changes (ms; 0 = no simulated traffic).
  TERN_DEMO_TRAFFIC_MS: z.coerce.number().int().min(0).default(20_000),
  // Demo mode: time between two new simulated Telegram customers (ms; default TERN_DEMO_TRAFFIC_MS; 0 = none).
  TERN_DEMO_TELEGRAM_MS: z.coerce.number().int().min(0).optional(),
  // The Telegram outbox sender, poller and demo customers; off for instances that should not send.
  TERN_TELEGRAM_JOB: flag,
  // How often the SLA and routing scheduler runs (lib/sla/sla-scheduler-job.ts), in milliseconds.
  TERN_SLA_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
});

export type Env = z.infer<typeof envSchema> & { demo: boolean };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const env = parsed.data;
  const hasCredentials = Boolean(env.BIGCOMMERCE_CLIENT_ID || env.TELEGRAM_BOT_TOKEN);
  // Demo mode is on by default only when no real credentials are configured.
  return { ...env, demo: env.TERN_DEMO ?? !hasCredentials };
}
