// `npm run demo` against the API stack, on a database of its own, at a reduced number of
// consultations (every other tally at the field report's figures): the statistics reproduce the
// field report's tallies by kind and source, every stage has cases, some are overdue, and a rerun
// creates nothing new.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoSummary } from '../../demo/run';
import { fieldReportTallies } from '../../demo/plan';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { freshDatabase } from '../support/fresh-database';

const CONSULTATIONS = 30;
let api: ApiStack;
let manager: string;
let first: DemoSummary;

beforeAll(async () => {
  api = await startApiStack({ DATABASE_URL: await freshDatabase(), WEEKLY_REPORT_CRON: 'off' });
  first = await runDemo({ url: api.url, seed: 'test', password: DEMO_PASSWORD, consultations: CONSULTATIONS, concurrency: 10 });
  manager = await api.login('manager');
}, 600_000); // 165 petitions through the workflows: minutes on a loaded 2-core machine
afterAll(async () => { await api?.stop(); });

const stats = async (query = '') => (await api.request('GET', `/api/statistics?${query}`, { token: manager })).body;
const nonZero = (list: Array<{ key: string | null; count: number }>) => Object.fromEntries(list.filter((c) => c.count > 0).map((c) => [c.key, c.count]));

describe('npm run demo', () => {
  it('reproduces the field report\'s tallies by kind and source', async () => {
    const all = await stats();
    expect(all.total).toBe(CONSULTATIONS + 21 + 112 + 2);
    expect(nonZero(all.counts.kind)).toEqual({ consultation: CONSULTATIONS, help: 21, complaint: 112, accusation: 2 });
    for (const kind of ['consultation', 'help', 'complaint', 'accusation']) {
      const expected: Record<string, number> = {};
      for (const t of fieldReportTallies(CONSULTATIONS).filter((x) => x.kind === kind)) expected[t.body] = t.count;
      const s = await stats(`kind=${kind}`);
      expect(Object.fromEntries(s.counts.source.map((x: { key: string; count: number }) => [x.key, x.count])), kind).toEqual(expected);
    }
    const complaints = await stats('kind=complaint');
    expect(complaints.counts.source).toEqual(expect.arrayContaining([
      { level: 'province', key: '省委', label: '省委', count: 1 }, { level: 'city', key: '市委', label: '市委', count: 2 },
      { level: 'county', key: '县委', label: '县委', count: 5 }, { level: 'county', key: '县政府', label: '县政府', count: 3 },
      { level: 'bureau', key: '县民政局', label: '县民政局', count: 100 }, { level: 'county', key: '县残联', label: '县残联', count: 1 },
    ]));
  });

  it('spreads a year over all 21 townships, with cases in every stage and some overdue', async () => {
    const all = await stats();
    expect(all.counts.township.filter((t: { count: number }) => t.count > 0)).toHaveLength(21);
    expect(all.counts.stage.every((s: { count: number }) => s.count > 0)).toBe(true);
    expect(all.overdue).toBeGreaterThan(0);
    expect(all.rates.satisfaction.denominator).toBeGreaterThan(0);
    const days = (Date.parse(first.anchor) - Date.parse((await api.db.case.findFirstOrThrow({ orderBy: { receivedAt: 'asc' } })).receivedAt.toISOString())) / 86400_000;
    expect(days).toBeGreaterThan(300);
  });

  it('creates nothing new when run again', async () => {
    const before = { cases: await api.db.case.count(), events: await api.db.caseEvent.count() };
    const again = await runDemo({ url: api.url, seed: 'test', password: DEMO_PASSWORD, consultations: CONSULTATIONS, concurrency: 10 });
    expect(again).toEqual({ ...first, registered: 0, steps: 0 });
    expect({ cases: await api.db.case.count(), events: await api.db.caseEvent.count() }).toEqual(before);
    expect(first.registered).toBe(CONSULTATIONS + 135);
  });
});
