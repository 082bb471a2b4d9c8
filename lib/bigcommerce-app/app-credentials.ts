import { runtimeConfig, type RuntimeConfig } from "@/lib/config/runtime-config.ts";
import { AppError } from "@/lib/errors.ts";
import type { AppCredentials } from "./verify-signed-payload.ts";

export type AppConfig = AppCredentials & { loginUrl: string; apiUrl: string; publicUrl: string };

/** The BigCommerce app's settings: the configured app's, or in demo mode the emulated control panel's. */
export function appConfig(config: RuntimeConfig = runtimeConfig()): AppConfig {
  const { clientId, clientSecret, loginUrl, apiUrl } = config.bigcommerce;
  if (!clientId || !clientSecret) {
    throw new AppError("NOT_FOUND", "The BigCommerce app is not configured here: set BIGCOMMERCE_CLIENT_ID and BIGCOMMERCE_CLIENT_SECRET");
  }
  return { clientId, clientSecret, loginUrl, apiUrl, publicUrl: config.publicUrl };
}

/** Where BigCommerce reaches this Tern (NEXTAUTH_URL): webhook destinations and the OAuth redirect URI. */
export function publicUrl(config: RuntimeConfig = runtimeConfig()): string {
  return config.publicUrl;
}
