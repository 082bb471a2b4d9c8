import { describe, expect, it } from "vitest";
import type { BigcommerceOrder } from "@/lib/bigcommerce/bigcommerce-types.ts";
import { isCompleteProof, proofMatches, readProofText } from "./order-proof.ts";

const order = { id: 101, is_deleted: false, billing_address: { email: "Lena@Example.com", zip: "10115" } } as unknown as BigcommerceOrder;

describe("readProofText", () => {
  it("reads an order number alone, then its email or postcode in the next message", () => {
    const first = readProofText("#101");
    expect(first).toEqual({ orderId: 101 });
    expect(isCompleteProof(first!)).toBe(false);
    expect(readProofText("lena@example.com", first!)).toEqual({ orderId: 101, email: "lena@example.com" });
    expect(readProofText("101 15", first!)).toEqual({ orderId: 101, postcode: "101 15" });
  });

  it("reads both from one message, in any order", () => {
    expect(readProofText("order 101, Lena@Example.com")).toEqual({ orderId: 101, email: "lena@example.com" });
    expect(readProofText("lena@example.com 101")).toEqual({ orderId: 101, email: "lena@example.com" });
    expect(readProofText("101 SW1A 1AA")).toEqual({ orderId: 101, postcode: "SW1A 1AA" });
  });

  it("says nothing about an ordinary question", () => {
    expect(readProofText("My parcel hasn't arrived")).toBeNull();
    expect(readProofText("hello")).toBeNull();
    expect(readProofText("99999999999")).toBeNull();
  });
});

describe("proofMatches", () => {
  it("accepts the billing email or postcode of that very order only", () => {
    expect(proofMatches(order, { orderId: 101, email: "lena@example.com" })).toBe("ORDER_AND_EMAIL");
    expect(proofMatches(order, { orderId: 101, postcode: "101 15" })).toBe("ORDER_AND_POSTCODE");
    expect(proofMatches(order, { orderId: 101, email: "other@example.com" })).toBeNull();
    expect(proofMatches(order, { orderId: 102, email: "lena@example.com" })).toBeNull();
    expect(proofMatches(null, { orderId: 101, email: "lena@example.com" })).toBeNull();
    expect(proofMatches({ ...order, is_deleted: true }, { orderId: 101, email: "lena@example.com" })).toBeNull();
  });
});
