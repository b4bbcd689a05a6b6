// The public endpoints' fixed-window limiter, alone, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http/errors';
import { createRateLimiter } from '../../api/http/rate-limit';

describe('rate limiter', () => {
  it('allows the limit per window and key, then refuses with Retry-After until the window ends', () => {
    let t = 1_000_000;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => t });
    limiter.take('a');
    limiter.take('a');
    limiter.take('b');
    t += 45_000;
    const e = (() => { try { limiter.take('a'); } catch (err) { return err; } return undefined; })();
    expect(e).toBeInstanceOf(ApiError);
    expect([(e as ApiError).status, (e as ApiError).code, (e as ApiError).headers]).toEqual([429, 'rate_limited', { 'Retry-After': '15' }]);
    t += 15_000;
    expect(() => limiter.take('a')).not.toThrow();
  });
});
