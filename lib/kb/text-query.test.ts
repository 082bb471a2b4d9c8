import { describe, expect, it } from "vitest";
import { anyWordQuery } from "./text-query.ts";

describe("anyWordQuery", () => {
  it("joins distinct words of three letters or more with |", () => {
    expect(anyWordQuery("My parcel is late, parcel #1042!")).toBe("parcel | late | 1042");
  });

  it("drops every character that could break tsquery syntax", () => {
    expect(anyWordQuery("a & b | !c:* (refund) 'x'")).toBe("refund");
  });

  it("keeps letters of any script", () => {
    expect(anyWordQuery("Посылка не пришла")).toBe("посылка | пришла");
  });

  it("is null when nothing is left to search for", () => {
    expect(anyWordQuery("?? !! a b")).toBeNull();
    expect(anyWordQuery("")).toBeNull();
  });

  it("caps the number of words", () => {
    expect(anyWordQuery("one two three four", 2)).toBe("one | two");
  });
});
