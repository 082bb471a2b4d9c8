import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/ui/api-fetch.ts";
import { shouldRetry } from "./should-retry.ts";

describe("shouldRetry", () => {
  it("gives up at once on an answer, and retries what may pass up to three times", () => {
    expect(shouldRetry(0, new ApiError(404, "NOT_FOUND", "Ticket not found"))).toBe(false);
    expect(shouldRetry(0, new ApiError(403, "FORBIDDEN", "No"))).toBe(false);
    expect(shouldRetry(0, new ApiError(503, "UNAVAILABLE", "Later"))).toBe(true);
    expect(shouldRetry(0, new ApiError(429, "RATE_LIMITED", "Slow down"))).toBe(true);
    expect(shouldRetry(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetry(3, new TypeError("Failed to fetch"))).toBe(false);
  });
});
