import type { Update } from "telegraf/types";
import type { TelegramSettings } from "./load-telegram-settings.ts";

// Telegraf hands handlers the very update object given to handleUpdate: the store's settings ride
// along keyed by it, instead of living on the bot shared by concurrent updates.
const settingsByUpdate = new WeakMap<Update, TelegramSettings>();

export function attachSettings(update: Update, settings: TelegramSettings): void {
  settingsByUpdate.set(update, settings);
}

export function settingsOf(update: Update): TelegramSettings {
  const settings = settingsByUpdate.get(update);
  if (!settings) throw new Error("Telegram update handled without its store settings");
  return settings;
}
