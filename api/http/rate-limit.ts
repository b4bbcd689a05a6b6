import { ApiError } from './errors';

export interface RateLimiter {
  /** Counts one request for `key`; throws 429 with Retry-After once the key has used its allowance. */
  take(key: string): void;
}

/**
 * A fixed-window counter per key, in this process's memory: enough for one API process. Several
 * processes behind a load balancer each keep their own count, so the effective limit multiplies.
 */
export function createRateLimiter(opts: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  return {
    take(key) {
      const t = now();
      if (t - lastSweep >= opts.windowMs) {
        // Forget finished windows so the map stays as small as the set of recent callers.
        for (const [k, w] of windows) if (t - w.start >= opts.windowMs) windows.delete(k);
        lastSweep = t;
      }
      let w = windows.get(key);
      if (!w || t - w.start >= opts.windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > opts.limit) {
        const retryAfter = Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000));
        throw new ApiError(429, 'rate_limited', `too many requests; try again in ${retryAfter} s`, undefined, { 'Retry-After': String(retryAfter) });
      }
    },
  };
}
