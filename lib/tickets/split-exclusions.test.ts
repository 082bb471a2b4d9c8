import { describe, expect, it } from "vitest";
import { splitExclusions } from "./search-ticket-ids.ts";

describe("splitExclusions", () => {
  it("takes -words and -\"phrases\" out of the search, keeping the rest as typed", () => {
    expect(splitExclusions('refund -blender "arrived broken" -"wrong size"')).toEqual({ include: 'refund "arrived broken"', exclude: ["blender", '"wrong size"'] });
    expect(splitExclusions("  mug-handle  ")).toEqual({ include: "mug-handle", exclude: [] });
    expect(splitExclusions("- -")).toEqual({ include: "- -", exclude: [] });
    expect(splitExclusions('-"" -refund')).toEqual({ include: "", exclude: ["refund"] });
  });
});
