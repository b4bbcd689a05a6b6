// Notice configuration and decision rules, alone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_NOTICE_POLICY, parseNoticePolicy, THREE_ROUNDS } from '../../domain/notice';
import { assistanceDecisionSchema } from '../../domain/notice-schemas';

describe('notice policy', () => {
  it('defaults to one county round of 7 days with a 3-day second notice', () => {
    expect(parseNoticePolicy(undefined, undefined)).toEqual(DEFAULT_NOTICE_POLICY);
    expect(DEFAULT_NOTICE_POLICY).toEqual({ first: { amount: 7, unit: 'days' }, second: { amount: 3, unit: 'days' }, rounds: ['county'] });
  });

  it('reads periods and the three-round variant, and names what it cannot read', () => {
    expect(parseNoticePolicy('first=5wd,second=2d', 'village,township,county')).toEqual({
      first: { amount: 5, unit: 'workingDays' }, second: { amount: 2, unit: 'days' }, rounds: THREE_ROUNDS,
    });
    expect(() => parseNoticePolicy('first=seven', undefined)).toThrow(/NOTICE_PERIODS: cannot read "first=seven"/);
    expect(() => parseNoticePolicy(undefined, 'village,city')).toThrow(/NOTICE_ROUNDS/);
    expect(() => parseNoticePolicy(undefined, 'county,county')).toThrow(/NOTICE_ROUNDS/);
  });

  it('wants an amount exactly for decisions that list the household', () => {
    const fields = (v: unknown) => assistanceDecisionSchema.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(fields({ decision: 'grant', amount: 520 })).toEqual([]);
    expect(fields({ decision: 'keep' })).toEqual(['amount: is required when the decision is "keep"']);
    expect(fields({ decision: 'remove', amount: 100 })).toEqual(['amount: must be left out when the decision is "remove"']);
    expect(fields({ decision: 'grant', amount: 10.005 })).toEqual(['amount: must be in yuan with at most two decimals']);
    expect(fields({ decision: 'remove' })).toEqual([]);
  });
});
