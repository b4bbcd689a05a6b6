// Days per stage and the on-time judgement of a written reply, over weeks of skipped time: cases run
// on the time-skipping server with their real activities, and the statistics read what they wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStatistics } from '../../statistics/compute';
import { inputs, ownTownship } from '../support/fixtures';
import { startCase, startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

const TOWNSHIP = ownTownship('stageDurations').code;
const DAY = 24 * 3600_000;

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

describe('statistics over skipped time', () => {
  it('measures each stage span and judges a reply after 67 days late', async () => {
    const t0 = await kit.env.currentTimeMs();
    const received = { township: TOWNSHIP, receivedAt: new Date(t0 - 2 * DAY).toISOString() };
    const onTime = await startCase(kit, received);
    const late = await startCase(kit, received);
    const both = (f: (c: typeof onTime) => Promise<unknown>) => Promise.all([f(onTime), f(late)]);

    await both((c) => c.act('accept', { township: TOWNSHIP }));
    await kit.env.sleep('3 days');
    await both((c) => c.act('submit-investigation', inputs['submit-investigation']));
    await kit.env.sleep('1 day');
    await onTime.act('approve', inputs.approve);
    await late.act('return', inputs.return);
    await kit.env.sleep('2 days');
    await onTime.act('reply', inputs.reply);
    await late.act('submit-investigation', inputs['submit-investigation']);
    await kit.env.sleep('1 day');
    await onTime.act('follow-up', inputs['follow-up']);
    await late.act('approve', inputs.approve);
    await kit.env.sleep('60 days');
    // Accepted on day 0, replied on day 67: past the 60-day statutory limit.
    await late.act('reply', inputs.reply);

    const s = await computeStatistics(kit.db, { basis: 'received', township: TOWNSHIP }, new Date(await kit.env.currentTimeMs()));
    const days = Object.fromEntries(s.stageDays.map((d) => [d.stage, [d.spans, d.averageDays, d.p90Days]]));
    expect(days).toEqual({
      registered: [2, 2, 2],
      // 3, 3 and the second round's 2: mean 8/3; p90 interpolated at 1.8 of the sorted [2, 3, 3].
      investigation: [3, 2.67, 3],
      recheck: [3, 1, 1],
      // 2 and 60: p90 = 2 + 0.9 × 58.
      reply: [2, 31, 54.2],
      follow_up: [1, 1, 1],
      // Nobody asked for 复查.
      review: [0, null, null],
    });
    expect(s.rates.onTimeClosure).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(s.rates.reply).toEqual({ numerator: 2, denominator: 2, rate: 1 });
    expect(s.rates.satisfaction).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(s.counts.stage.filter((c) => c.count > 0).map((c) => [c.key, c.count])).toEqual([['follow_up', 1], ['closed', 1]]);
  });
});
