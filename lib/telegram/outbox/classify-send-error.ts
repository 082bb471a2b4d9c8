/** What the sender does after a failed Bot API call. */
export type SendFailure =
  | { kind: "retry"; error: string; delayMs: number; countsAttempt: boolean }
  | { kind: "failed"; error: string }
  | { kind: "blocked"; error: string }
  | { kind: "topic_gone"; error: string };

/** Tries per delivery before it is FAILED (429s do not count: they say when to come back). */
export const MAX_SEND_ATTEMPTS = 6;

const BASE_MS = 2_000;
const CAP_MS = 5 * 60_000;

/** Backoff after `attempts` counted failures: 2 s, 4 s, 8 s … capped at 5 min, ±20% jitter. */
export function sendRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + random() * 0.4));
}

type TelegramErrorLike = { code: number; description: string; parameters?: { retry_after?: number } };

// Matched by shape: TelegramError may come from another copy of Telegraf (server vs Next bundle).
function asTelegramError(error: unknown): TelegramErrorLike | null {
  if (!error || typeof error !== "object") return null;
  const { code, description, response } = error as { code?: unknown; description?: unknown; response?: { parameters?: { retry_after?: unknown } } };
  if (typeof code !== "number" || typeof description !== "string") return null;
  const retryAfter = response?.parameters?.retry_after;
  return { code, description, ...(typeof retryAfter === "number" ? { parameters: { retry_after: retryAfter } } : {}) };
}

const BLOCKED = /bot was blocked by the user|user is deactivated|bot was kicked|bot can't initiate conversation/i;
const TOPIC_GONE = /message thread not found|TOPIC_DELETED|TOPIC_CLOSED|topic (?:was )?(?:deleted|closed)/i;

/**
 * Sorts a failed call: 429 waits exactly retry_after; a customer who blocked the bot holds the
 * chat; a deleted staff topic is recreated; other 400s will fail again the same way; the rest
 * (network, 5xx, a revoked token) is retried with backoff.
 */
export function classifySendError(error: unknown, attempts: number, random?: () => number): SendFailure {
  const telegram = asTelegramError(error);
  if (!telegram) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "retry", error: `Could not reach Telegram: ${message}`, delayMs: sendRetryDelayMs(attempts + 1, random), countsAttempt: true };
  }
  const { code, description } = telegram;
  if (code === 429) {
    const seconds = Math.max(1, telegram.parameters?.retry_after ?? 1);
    return { kind: "retry", error: `Rate limited by Telegram: retrying after ${seconds} s`, delayMs: seconds * 1000, countsAttempt: false };
  }
  if (code === 403 && BLOCKED.test(description)) return { kind: "blocked", error: description };
  if (code === 400 && TOPIC_GONE.test(description)) return { kind: "topic_gone", error: description };
  if (code === 400 || code === 403) return { kind: "failed", error: `Telegram refused the message: ${description}` };
  return { kind: "retry", error: `Telegram error ${code}: ${description}`, delayMs: sendRetryDelayMs(attempts + 1, random), countsAttempt: true };
}
