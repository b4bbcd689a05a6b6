// The public rate limit's counter in PostgreSQL, as two API processes share it: on a clock the test
// moves, against the test run's real database.
import crypto from 'node:crypto';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { createDb } from '../../db/client';
import { ApiError } from '../../api/http/errors';
import { createRateLimiter } from '../../api/http/rate-limit';

const db = createDb(inject('databaseUrl'), 4);
afterAll(async () => { await db.$disconnect(); });

const refusal = (p: Promise<void>) => p.then(() => undefined, (e: unknown) => e);

describe('rate limiter', () => {
  it('allows the limit per window and key across processes, then refuses with Retry-After until the window ends', async () => {
    let t = 1_800_000_000_000;
    const [a, b] = [0, 1].map(() => createRateLimiter(db, { limit: 2, windowMs: 60_000, now: () => t }));
    const key = crypto.randomUUID();
    await a!.take(key);
    await b!.take(key);
    await b!.take(`${key}-other`);
    t += 45_000;
    const e = await refusal(a!.take(key));
    expect(e).toBeInstanceOf(ApiError);
    expect([(e as ApiError).status, (e as ApiError).code, (e as ApiError).headers]).toEqual([429, 'rate_limited', { 'Retry-After': '15' }]);
    t += 15_000;
    expect(await refusal(b!.take(key))).toBeUndefined();
  });

  it('admits exactly the limit when many calls race on two processes', async () => {
    const [a, b] = [0, 1].map(() => createRateLimiter(db, { limit: 5, windowMs: 60_000, now: () => 1_800_000_000_000 }));
    const key = crypto.randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => refusal((i % 2 ? a! : b!).take(key))));
    expect(results.filter((r) => r === undefined)).toHaveLength(5);
    expect(results.filter((r) => r instanceof ApiError && r.status === 429)).toHaveLength(15);
  });
});
