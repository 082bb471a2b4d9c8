import { runtimeConfig } from "@/lib/config/runtime-config.ts";

/** The Bot API base URL of this Tern (the emulator's in demo mode). */
export function telegramApiRoot(): string {
  return runtimeConfig().telegramApiRoot;
}

/** The bot id is the token's numeric prefix: update ids are unique per bot, so dedupe keys carry it. */
export function botIdFromToken(token: string): string {
  const id = token.split(":")[0] ?? "";
  return /^\d+$/.test(id) ? id : "unknown";
}
