import { describe, expect, it } from "vitest";
import { isGoodAnswer } from "./find-answer-article.ts";

describe("isGoodAnswer", () => {
  it("needs two of the question's words, and at least 40% of them", () => {
    const titled = { matchedTitleWords: 1 };
    expect(isGoodAnswer({ questionWords: 1, matchedWords: 1, ...titled })).toBe(false);
    expect(isGoodAnswer({ questionWords: 3, matchedWords: 1, ...titled })).toBe(false);
    expect(isGoodAnswer({ questionWords: 4, matchedWords: 2, ...titled })).toBe(true);
    expect(isGoodAnswer({ questionWords: 5, matchedWords: 2, ...titled })).toBe(true);
    expect(isGoodAnswer({ questionWords: 6, matchedWords: 2, ...titled })).toBe(false);
    expect(isGoodAnswer({ questionWords: 20, matchedWords: 7, ...titled })).toBe(false);
    expect(isGoodAnswer({ questionWords: 20, matchedWords: 8, ...titled })).toBe(true);
  });

  it("takes a third word when none is in the article's title", () => {
    expect(isGoodAnswer({ questionWords: 4, matchedWords: 2, matchedTitleWords: 0 })).toBe(false);
    expect(isGoodAnswer({ questionWords: 5, matchedWords: 3, matchedTitleWords: 0 })).toBe(true);
  });
});
