const DEFAULT_API_ROOT = "https://api.telegram.org";

/**
 * The Bot API base URL, read at call time: demo mode and tests point TELEGRAM_API_ROOT at the
 * emulator after start-up, and the server and Next's route bundle share process.env, not modules.
 */
export function telegramApiRoot(): string {
  return (process.env.TELEGRAM_API_ROOT?.trim() || DEFAULT_API_ROOT).replace(/\/+$/, "");
}

/** The bot id is the token's numeric prefix: update ids are unique per bot, so dedupe keys carry it. */
export function botIdFromToken(token: string): string {
  const id = token.split(":")[0] ?? "";
  return /^\d+$/.test(id) ? id : "unknown";
}
