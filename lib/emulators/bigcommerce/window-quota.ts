export type QuotaReading = { allowed: boolean; quota: number; windowMs: number; left: number; resetMs: number };

/**
 * BigCommerce's API quota: `quota` requests per fixed `windowMs` window per store. Every response
 * reports the window; a request beyond the quota is refused (429) with the same headers.
 */
export class WindowQuota {
  private windowStart = 0;
  private used = 0;
  private forced = 0;

  constructor(
    public quota: number,
    public windowMs: number,
  ) {}

  configure(options: { quota?: number; windowMs?: number }): void {
    if (options.quota !== undefined) this.quota = options.quota;
    if (options.windowMs !== undefined) this.windowMs = options.windowMs;
    this.windowStart = 0;
    this.used = 0;
  }

  /** The next `count` requests are refused as if the quota were spent (on demand, e.g. "429 then success"). */
  exhaustNext(count: number): void {
    this.forced += count;
  }

  take(now = Date.now()): QuotaReading {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    const resetMs = Math.max(0, this.windowStart + this.windowMs - now);
    if (this.forced > 0) {
      this.forced -= 1;
      return { allowed: false, quota: this.quota, windowMs: this.windowMs, left: 0, resetMs: Math.min(resetMs, 1_000) };
    }
    if (this.used >= this.quota) return { allowed: false, quota: this.quota, windowMs: this.windowMs, left: 0, resetMs };
    this.used += 1;
    return { allowed: true, quota: this.quota, windowMs: this.windowMs, left: this.quota - this.used, resetMs };
  }
}
