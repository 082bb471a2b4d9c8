import { describe, expect, it } from "vitest";
import type { OrderBundle } from "./events/order-bundle.ts";
import { sharedOrderRead, sharedOrderReadCount } from "./shared-order-reads.ts";

const bundle = (id: number) => ({ order: { id } }) as unknown as OrderBundle;

function counted(id: number) {
  let calls = 0;
  return {
    read: async () => {
      calls += 1;
      return bundle(id);
    },
    calls: () => calls,
  };
}

describe("sharedOrderRead", () => {
  it("gives events in hand before a read started that read, and reads again for one claimed after", async () => {
    const source = counted(1);
    const claimedBefore = Date.now() - 1;
    const first = sharedOrderRead("store:1:false", claimedBefore, source.read);
    const second = sharedOrderRead("store:1:false", claimedBefore, source.read);
    expect(await first).toBe(await second);
    expect(source.calls()).toBe(1);
    // An event claimed after the read started may announce a later change: it reads for itself.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sharedOrderRead("store:1:false", Date.now(), source.read);
    expect(source.calls()).toBe(2);
  });

  it("does not hand out a failed read", async () => {
    const claimedAt = Date.now() - 1;
    await expect(sharedOrderRead("store:2:false", claimedAt, () => Promise.reject(new Error("BigCommerce answered 500")))).rejects.toThrow("500");
    const source = counted(2);
    expect(await sharedOrderRead("store:2:false", claimedAt, source.read)).toEqual(bundle(2));
    expect(source.calls()).toBe(1);
  });

  it("remembers a bounded number of orders, however many a burst names", async () => {
    for (let id = 0; id < 5_000; id += 1) await sharedOrderRead(`flood:${id}:false`, 0, async () => bundle(id));
    expect(sharedOrderReadCount()).toBeLessThanOrEqual(2_001);
  });
});
