import { describe, expect, it } from "vitest";
import { isGoodAnswer } from "./find-answer-article.ts";

describe("isGoodAnswer", () => {
  it("needs two of the question's words, and at least 40% of them", () => {
    expect(isGoodAnswer({ questionWords: 1, matchedWords: 1 })).toBe(false);
    expect(isGoodAnswer({ questionWords: 3, matchedWords: 1 })).toBe(false);
    expect(isGoodAnswer({ questionWords: 4, matchedWords: 2 })).toBe(true);
    expect(isGoodAnswer({ questionWords: 5, matchedWords: 2 })).toBe(true);
    expect(isGoodAnswer({ questionWords: 6, matchedWords: 2 })).toBe(false);
    expect(isGoodAnswer({ questionWords: 20, matchedWords: 7 })).toBe(false);
    expect(isGoodAnswer({ questionWords: 20, matchedWords: 8 })).toBe(true);
  });
});
