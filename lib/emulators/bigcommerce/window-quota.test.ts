import { describe, expect, it } from "vitest";
import { WindowQuota } from "./window-quota.ts";

describe("WindowQuota", () => {
  it("counts down within a window, refuses beyond the quota, and resets with the next window", () => {
    const quota = new WindowQuota(2, 1_000);
    expect(quota.take(0)).toMatchObject({ allowed: true, left: 1, resetMs: 1_000 });
    expect(quota.take(100)).toMatchObject({ allowed: true, left: 0, resetMs: 900 });
    expect(quota.take(200)).toMatchObject({ allowed: false, left: 0, resetMs: 800 });
    expect(quota.take(1_000)).toMatchObject({ allowed: true, left: 1 });
  });

  it("refuses on demand with a short reset", () => {
    const quota = new WindowQuota(100, 30_000);
    quota.exhaustNext(1);
    expect(quota.take(0)).toMatchObject({ allowed: false, left: 0, resetMs: 1_000 });
    expect(quota.take(1)).toMatchObject({ allowed: true });
  });
});
