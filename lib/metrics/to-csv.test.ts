import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv.ts";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks, and leaves empty cells empty", () => {
    expect(toCsv(["a", "b", "c"], [["x, y", 'say "hi"', null], [1, true, "two\nlines"]])).toBe('a,b,c\r\n"x, y","say ""hi""",\r\n1,true,"two\nlines"\r\n');
  });

  it("defuses spreadsheet formulas in text but not negative numbers", () => {
    expect(toCsv(["subject", "n"], [["=HYPERLINK(\"x\")", -5], ["@SUM(A1)", 0]])).toBe(`subject,n\r\n"'=HYPERLINK(""x"")",-5\r\n'@SUM(A1),0\r\n`);
  });
});
