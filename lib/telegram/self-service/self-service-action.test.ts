import { describe, expect, it } from "vitest";
import { parseSelfServiceAction } from "./self-service-action.ts";

describe("parseSelfServiceAction", () => {
  it("reads the buttons the bot makes", () => {
    expect(parseSelfServiceAction("ss:m:address")).toEqual({ kind: "menu", item: "address" });
    expect(parseSelfServiceAction("ss:add:5001:7")).toEqual({ kind: "add", productId: 5001, variantId: 7 });
    expect(parseSelfServiceAction("ss:q:5")).toEqual({ kind: "quantity", quantity: 5 });
    expect(parseSelfServiceAction("ss:ao:1024")).toEqual({ kind: "addressOrder", orderId: 1024 });
    expect(parseSelfServiceAction("ss:ac")).toEqual({ kind: "confirmAddress" });
  });

  it("refuses forged or out-of-range data", () => {
    for (const data of ["ss:q:0", "ss:q:100", "ss:add:0:1", "ss:add:9999999999:1", "ss:ao:-1", "ss:ao:1 OR 1=1", "ss:m:admin", "kb:1", `ss:ao:${"1".repeat(70)}`, "ss:add:1:2:3"]) {
      expect(parseSelfServiceAction(data)).toBeNull();
    }
  });
});
