import { describe, expect, it } from "vitest";
import { readWebhookEnvelope } from "./read-webhook-envelope.ts";

function read(body: unknown, fromUrl: string | null = null) {
  const raw = JSON.stringify(body);
  return readWebhookEnvelope(JSON.parse(raw), raw, fromUrl);
}

const light = {
  scope: "store/order/created",
  store_id: "1025646",
  data: { type: "order", id: 250 },
  hash: "dd70c0976e06b67aaf671e73f49dcb79230ebf9d",
  created_at: 1561479335,
  producer: "stores/abc123",
};

describe("readWebhookEnvelope", () => {
  it("reads the light envelope, with store_id as a string or a number", () => {
    expect(read(light)).toEqual({ storeHash: "abc123", kind: "store/order/created", dedupeSuffix: `store/order/created:${light.hash}:1561479335` });
    expect(read({ ...light, store_id: 1025646 })).toEqual(read(light));
  });

  it("tells apart two updates of one order that share BigCommerce's hash", () => {
    const first = read({ ...light, scope: "store/order/updated" });
    const second = read({ ...light, scope: "store/order/updated", created_at: light.created_at + 5 });
    expect(first.dedupeSuffix).not.toBe(second.dedupeSuffix);
    expect(read({ ...light, scope: "store/order/updated" }).dedupeSuffix).toBe(first.dedupeSuffix);
  });

  it("falls back to scope + id + created_at without a hash", () => {
    const { hash: _hash, ...unhashed } = light;
    expect(read(unhashed).dedupeSuffix).toBe("store/order/created:order:250:1561479335");
  });

  it("reads the seed form, taking the store from the body or the URL", () => {
    const seed = { event: "order.created", data: { id: 123456, total_inc_tax: 109.98 } };
    expect(read(seed, "abc123")).toMatchObject({ storeHash: "abc123", kind: "order.created" });
    expect(read({ ...seed, store_hash: "xyz" }, "abc123").storeHash).toBe("xyz");
    expect(read(seed).dedupeSuffix).toBe(read(seed).dedupeSuffix);
    expect(read(seed).dedupeSuffix).not.toBe(read({ ...seed, data: { id: 123457 } }).dedupeSuffix);
  });

  it("keeps an unknown object as kind unknown and refuses non-objects", () => {
    expect(read({ hello: "world" }, "abc123")).toMatchObject({ storeHash: "abc123", kind: "unknown" });
    for (const body of [[], "text", 42, null]) expect(() => read(body)).toThrow(/JSON object/);
  });

  it("ignores a producer that is not a store", () => {
    expect(read({ ...light, producer: "../../etc" }, null).storeHash).toBeNull();
  });
});
