// The review chain's rules, alone: windows to the end of their last day, and why a request is refused.
import { describe, expect, it } from 'vitest';
import { requestActionRefusal, requestRefusal, satisfactionRefusal, windowEnd, type ReviewStatus } from '../../domain/review';

const open: ReviewStatus = { stage: 'closed', window: { level: 'review', opensAt: '2026-11-01T02:00:00.000Z', endsAt: '2026-12-01T16:00:00.000Z' } };
const ask = (now: string, at = now) => requestActionRefusal(open, { requestedAt: at }, new Date(now));

describe('review windows', () => {
  it('last 30 days to the end of the last day, China Standard Time', () => {
    // Replied 1 November 2026 at 10:00 CST: the window takes requests all through 1 December.
    expect(windowEnd(new Date('2026-11-01T02:00:00Z'), { amount: 30, unit: 'days' }).toISOString()).toBe('2026-12-01T16:00:00.000Z');
    // Replied at 23:30 CST: the day still counts as day 0.
    expect(windowEnd(new Date('2026-11-01T15:30:00Z'), { amount: 30, unit: 'days' }).toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('takes a request on day 30 and refuses one on day 31, naming the date as the field at fault', () => {
    expect(ask('2026-12-01T15:59:59Z')).toBeUndefined();
    expect(ask('2026-12-01T16:00:00Z')).toEqual({
      reason: 'the window for 复查 ended at 2026-12-01 24:00 (China Standard Time); the request is too late', field: 'requestedAt',
    });
    // A letter that came in on day 30, recorded later, is in time; one dated before the reply or ahead of now is not.
    expect(ask('2026-12-03T02:00:00Z', '2026-12-01T10:00:00Z')).toBeUndefined();
    expect(ask('2026-11-20T02:00:00Z', '2026-10-31T02:00:00Z')).toEqual({
      reason: 'the window for 复查 opened at 2026-11-01 10:00 (China Standard Time); a request cannot be dated before it', field: 'requestedAt',
    });
    expect(ask('2026-11-20T02:00:00Z', '2026-11-21T02:00:00Z')).toEqual({ reason: 'a request cannot be dated in the future', field: 'requestedAt' });
  });

  it('refuses before the reply, while a request is pending, and after 复核', () => {
    expect(requestRefusal({ stage: 'investigation' })).toBe('a review can be asked for only after the written reply');
    expect(requestRefusal({ stage: 'review', pending: 're_review' })).toBe('a 复核 is already waiting for its decision');
    expect(requestRefusal({ stage: 'closed', finalAt: '2026-11-10T02:00:00.000Z' }))
      .toBe('the matter is final (终结) since 复核 was decided on 2026-11-10 10:00 (China Standard Time); the same facts are not accepted again');
    expect(requestActionRefusal(open, undefined, new Date('2026-11-15T00:00:00Z'))).toBeUndefined();
  });

  it('takes the petitioner\'s satisfaction once, during the 复查 window only', () => {
    const now = new Date('2026-11-15T00:00:00Z');
    expect(satisfactionRefusal(open, false, now)).toBeUndefined();
    expect(satisfactionRefusal(open, true, now)).toBe('satisfaction was already given for this case');
    expect(satisfactionRefusal({ ...open, window: { level: 're_review', endsAt: open.window!.endsAt } }, false, now)).toMatch(/until the 复查 window ends/);
  });
});
