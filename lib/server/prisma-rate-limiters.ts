import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db/client.ts";

export type LimitSpec = { keyPrefix: string; points: number; duration: number };

/**
 * Named limiters whose counters live in PostgreSQL, so every instance of Tern shares them. They
 * share the LoginAttempt table (rate-limiter-flexible's key/points/expiry store), told apart by
 * key prefix, and are made on first use (the database client is not ready at import).
 */
export function prismaRateLimiters<Name extends string>(limits: Record<Name, LimitSpec>): () => Record<Name, RateLimiterPrisma> {
  let limiters: Record<Name, RateLimiterPrisma> | undefined;
  return () => {
    limiters ??= Object.fromEntries(
      (Object.keys(limits) as Name[]).map((name) => [name, new RateLimiterPrisma({ ...limits[name], storeClient: db(), tableName: "loginAttempt" })]),
    ) as Record<Name, RateLimiterPrisma>;
    return limiters;
  };
}
