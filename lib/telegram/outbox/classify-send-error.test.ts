import { TelegramError } from "telegraf";
import { describe, expect, it } from "vitest";
import { classifySendError, sendRetryDelayMs } from "./classify-send-error.ts";

const half = () => 0.5;

function telegramError(error_code: number, description: string, retry_after?: number) {
  return new TelegramError({ error_code, description, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) });
}

describe("classifySendError", () => {
  it("waits exactly retry_after on 429, without counting an attempt", () => {
    expect(classifySendError(telegramError(429, "Too Many Requests: retry after 7", 7), 0)).toEqual({
      kind: "retry",
      error: "Rate limited by Telegram: retrying after 7 s",
      delayMs: 7000,
      countsAttempt: false,
    });
  });

  it("recognises a customer who blocked the bot", () => {
    expect(classifySendError(telegramError(403, "Forbidden: bot was blocked by the user"), 0).kind).toBe("blocked");
    expect(classifySendError(telegramError(403, "Forbidden: user is deactivated"), 0).kind).toBe("blocked");
  });

  it("recognises a deleted staff topic", () => {
    expect(classifySendError(telegramError(400, "Bad Request: message thread not found"), 0).kind).toBe("topic_gone");
  });

  it("fails other 400s at once: they would fail again", () => {
    expect(classifySendError(telegramError(400, "Bad Request: chat not found"), 0)).toEqual({ kind: "failed", error: "Telegram refused the message: Bad Request: chat not found" });
  });

  it("retries 5xx and network errors with growing delays", () => {
    expect(classifySendError(telegramError(502, "Bad Gateway"), 2, half)).toMatchObject({ kind: "retry", countsAttempt: true, delayMs: 8000 });
    expect(classifySendError(new Error("ECONNRESET"), 0, half)).toMatchObject({ kind: "retry", countsAttempt: true, delayMs: 2000 });
  });

  it("caps the backoff", () => {
    expect(sendRetryDelayMs(30, half)).toBe(300_000);
  });
});
