import { describe, expect, it } from "vitest";
import { addressText, parseAddress, parsePhone, parseQuantity, parseSearchTerm } from "./parse-customer-input.ts";

describe("parseAddress", () => {
  it("reads four lines (no state) and five lines (with state)", () => {
    expect(parseAddress("5 Quay Street\nBristol\nBS1 4DJ\nUnited Kingdom")).toEqual({ street_1: "5 Quay Street", city: "Bristol", state: "", zip: "BS1 4DJ", country: "United Kingdom" });
    expect(parseAddress(" 9  Elm Road \r\nAustin\nTexas\n78702\nUnited States\n")).toEqual({ street_1: "9 Elm Road", city: "Austin", state: "Texas", zip: "78702", country: "United States" });
  });

  it("refuses other shapes and fields beyond their bounds", () => {
    expect(parseAddress("just one line")).toBeNull();
    expect(parseAddress("a\nb\nc")).toBeNull();
    expect(parseAddress("a\nb\nc\nd\ne\nf")).toBeNull();
    expect(parseAddress(`${"x".repeat(101)}\nCity\n123\nFrance`)).toBeNull();
    expect(parseAddress(`Street 1\nCity\n${"9".repeat(21)}\nFrance`)).toBeNull();
    expect(parseAddress(`Street 1\nCity\n123\nF`)).toBeNull();
    expect(parseAddress("x\n".repeat(300))).toBeNull();
  });
});

describe("parsePhone, parseQuantity, parseSearchTerm", () => {
  it("accepts what people type and refuses the rest", () => {
    expect(parsePhone("+44 (0)20 7946-0958")).toBe("+44 (0)20 7946-0958");
    expect(parsePhone("12345")).toBeNull();
    expect(parsePhone("call me maybe")).toBeNull();
    expect(parsePhone("+1 234 567 890 123 456 7")).toBeNull();
    expect(parseQuantity(" 12 ")).toBe(12);
    expect(parseQuantity("0")).toBeNull();
    expect(parseQuantity("100")).toBeNull();
    expect(parseQuantity("2 please")).toBeNull();
    expect(parseSearchTerm("  moss   pack ")).toBe("moss pack");
    expect(parseSearchTerm("ab")).toBeNull();
    expect(parseSearchTerm("x".repeat(61))).toBeNull();
  });

  it("shows an address on lines, skipping empty parts", () => {
    expect(addressText({ street_1: "5 Quay Street", street_2: "", city: "Bristol", state: "", zip: "BS1 4DJ", country: "United Kingdom" })).toBe("5 Quay Street\nBS1 4DJ Bristol\nUnited Kingdom");
  });
});
