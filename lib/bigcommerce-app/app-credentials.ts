import { readEnv } from "@/lib/config/env.ts";
import { AppError } from "@/lib/errors.ts";
import type { AppCredentials } from "./verify-signed-payload.ts";

export type AppConfig = AppCredentials & { loginUrl: string; apiUrl: string; publicUrl: string };

/** The BigCommerce app's settings, read per call so tests and the e2e server can point them at emulators. */
export function appConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = readEnv(source);
  if (!env.BIGCOMMERCE_CLIENT_ID || !env.BIGCOMMERCE_CLIENT_SECRET) {
    throw new AppError("NOT_FOUND", "The BigCommerce app is not configured here: set BIGCOMMERCE_CLIENT_ID and BIGCOMMERCE_CLIENT_SECRET");
  }
  return {
    clientId: env.BIGCOMMERCE_CLIENT_ID,
    clientSecret: env.BIGCOMMERCE_CLIENT_SECRET,
    loginUrl: env.BIGCOMMERCE_LOGIN_URL.replace(/\/+$/, ""),
    apiUrl: env.BIGCOMMERCE_API_URL.replace(/\/+$/, ""),
    publicUrl: publicUrl(source),
  };
}

/** Where BigCommerce reaches this Tern (NEXTAUTH_URL): webhook destinations and the OAuth redirect URI. */
export function publicUrl(source: NodeJS.ProcessEnv = process.env): string {
  const env = readEnv(source);
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
