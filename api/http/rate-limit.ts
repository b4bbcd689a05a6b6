import type { Db } from '../../db/client';
import { ApiError } from './errors';

export interface RateLimiter {
  /** Counts one request for `key`; throws 429 with Retry-After once the key has used its allowance. */
  take(key: string): Promise<void>;
}

/**
 * A fixed-window counter per key, kept in PostgreSQL so that every API process behind the proxy
 * counts against the same allowance. One upsert per call counts atomically: concurrent callers on
 * different processes never both see the last free slot. Windows are aligned to the clock, so
 * processes agree on where one starts (their clocks are assumed NTP-synchronised).
 */
export function createRateLimiter(db: Db, opts: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  let lastSweep = now();
  return {
    async take(key) {
      const t = now();
      const start = new Date(t - (t % opts.windowMs));
      const [row] = await db.$queryRaw<{ count: number }[]>`
        INSERT INTO "RateLimitWindow" ("key", "windowStart", "count") VALUES (${key}, ${start}, 1)
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateLimitWindow"."windowStart" = EXCLUDED."windowStart" THEN "RateLimitWindow"."count" + 1 ELSE 1 END,
          "windowStart" = EXCLUDED."windowStart"
        RETURNING "count"`;
      if (t - lastSweep >= opts.windowMs) {
        // Forget finished windows so the table stays as small as the set of recent callers.
        lastSweep = t;
        await db.$executeRaw`DELETE FROM "RateLimitWindow" WHERE "windowStart" < ${start}`;
      }
      if (row!.count > opts.limit) {
        const retryAfter = Math.max(1, Math.ceil((start.getTime() + opts.windowMs - t) / 1000));
        throw new ApiError(429, 'rate_limited', `too many requests; try again in ${retryAfter} s`, undefined, { 'Retry-After': String(retryAfter) });
      }
    },
  };
}
