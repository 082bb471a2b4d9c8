import { describe, expect, it } from "vitest";
import { splitMessageText, TELEGRAM_TEXT_LIMIT } from "./split-message-text.ts";

describe("splitMessageText", () => {
  it("keeps a short text whole", () => {
    expect(splitMessageText("Hello")).toEqual(["Hello"]);
    expect(splitMessageText("x".repeat(TELEGRAM_TEXT_LIMIT))).toHaveLength(1);
  });

  it("splits a long text into parts within the limit that add back up to the words", () => {
    const words = Array.from({ length: 2000 }, (_, index) => `word${index}`);
    const text = words.join(" ");
    const parts = splitMessageText(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("prefers paragraph breaks", () => {
    const first = "a".repeat(3000);
    const second = "b".repeat(3000);
    expect(splitMessageText(`${first}\n\n${second}`)).toEqual([first, second]);
  });

  it("cuts a text without spaces at the limit", () => {
    const parts = splitMessageText("z".repeat(10_000));
    expect(parts.map((part) => part.length)).toEqual([4096, 4096, 1808]);
  });

  it("never splits a surrogate pair", () => {
    const text = `${"x".repeat(9)}😀${"y".repeat(5)}`;
    const parts = splitMessageText(text, 10);
    expect(parts[0]).toBe("x".repeat(9));
    expect(parts.join("")).toBe(text);
  });
});
