// Statistics over HTTP: a known mix of cases, registered and worked through the API, and every count
// and rate asserted exactly. The mix lives in a township no other test uses, so other files' cases
// in the shared database do not change the figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { DAY_MS, registerMix, type PlannedCase } from '../support/case-mix';
import { eventually } from '../support/eventually';
import { inputs, ownTownship, TOWNSHIP_A } from '../support/fixtures';

const { code: TOWNSHIP, name: TOWNSHIP_NAME } = ownTownship('statistics');
const officer = DEMO_USERS.find((u) => u.townshipCode === TOWNSHIP)!.username;

let api: ApiStack;
let manager: string;
const now = Date.now();
const daysAgo = (d: number) => new Date(now - d * DAY_MS).toISOString();
const at = (d: number, more: Partial<PlannedCase['registration']> = {}) => ({ township: TOWNSHIP, receivedAt: daysAgo(d), ...more });
const followUp = (response: 'satisfied' | 'basically_satisfied' | 'unsatisfied') => ['follow-up', { ...inputs['follow-up'], response }] as const;
const toReply = ['accept', 'submit-investigation', 'approve', 'reply'] as const;

/** Ten cases; the comment on each says what it contributes. */
const MIX: PlannedCase[] = [
  // answered the next day: settled on time
  { registration: at(1, { kind: 'consultation', channel: 'phone' }), actions: ['answer'] },
  // answered after 20 days, past the 15-day acceptance limit: settled late
  { registration: at(20, { kind: 'consultation' }), actions: ['answer'] },
  // the whole path, satisfied
  { registration: at(2, { channel: 'forwarded', source: { level: 'province', body: '省委信访局' } }), actions: [...toReply, followUp('satisfied')] },
  // sent back once, unsatisfied
  {
    registration: at(3, { channel: 'forwarded', source: { level: 'county', body: '县委信访局' } }),
    actions: ['accept', 'submit-investigation', 'return', 'submit-investigation', 'approve', 'reply', followUp('unsatisfied')],
  },
  // replied, follow-up visit still to come
  { registration: at(5, { kind: 'help', channel: 'letter', source: { level: 'ministry', body: '民政部' } }), actions: [...toReply] },
  // never accepted, 30 days old: overdue, and due without being settled
  { registration: at(30, { kind: 'help', category: 'tekun' }), actions: [] },
  // accepted, under investigation, reply not yet due
  { registration: at(4, { kind: 'accusation', channel: 'online' }), actions: ['accept'] },
  // not accepted, within the limit
  { registration: at(10, { kind: 'proposal' }), actions: ['reject'] },
  // forwarded to the body in charge, within the limit
  { registration: at(6, { category: 'housing' }), actions: ['forward'] },
  // the whole path, basically satisfied
  { registration: at(1), actions: [...toReply, followUp('basically_satisfied')] },
];

beforeAll(async () => {
  api = await startApiStack();
  manager = await api.login('manager');
  await registerMix(api, MIX);
});
afterAll(async () => { await api?.stop(); });

const stats = (query: string, token = manager) => api.request('GET', `/api/statistics?${query}`, { token });
const counts = (list: Array<{ key: string | null; count: number }>) => Object.fromEntries(list.filter((c) => c.count > 0).map((c) => [String(c.key), c.count]));

describe('GET /api/statistics', () => {
  it('counts the mix by every dimension', async () => {
    const r = await stats(`township=${TOWNSHIP}`);
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.total).toBe(10);
    expect(counts(s.counts.kind)).toEqual({ consultation: 2, help: 2, complaint: 4, accusation: 1, proposal: 1 });
    expect(s.counts.kind.map((c: { key: string }) => c.key)).toEqual(['consultation', 'help', 'complaint', 'accusation', 'proposal']);
    expect(s.counts.kind[0].label).toBe('咨询');
    expect(counts(s.counts.channel)).toEqual({ phone: 1, visit: 5, forwarded: 2, letter: 1, online: 1 });
    expect(counts(s.counts.sourceLevel)).toEqual({ ministry: 1, province: 1, county: 1, null: 7 });
    expect(s.counts.source).toEqual(expect.arrayContaining([
      { level: 'province', key: '省委信访局', label: '省委信访局', count: 1 },
      { level: 'county', key: '县委信访局', label: '县委信访局', count: 1 },
      { level: 'ministry', key: '民政部', label: '民政部', count: 1 },
      { level: null, key: null, label: '未填', count: 7 },
    ]));
    expect(s.counts.source).toHaveLength(4);
    expect(s.counts.township).toEqual([{ key: TOWNSHIP, code: TOWNSHIP, label: TOWNSHIP_NAME, count: 10 }]);
    expect(counts(s.counts.category)).toEqual({ dibao: 8, tekun: 1, housing: 1 });
    expect(counts(s.counts.stage)).toEqual({ closed: 7, follow_up: 1, registered: 1, investigation: 1 });
    expect(counts(s.counts.outcome)).toEqual({ answered: 2, replied: 4, rejected: 1, forwarded: 1, null: 2 });
    expect(counts(s.counts.satisfaction)).toEqual({ satisfied: 1, basically_satisfied: 1, unsatisfied: 1, null: 7 });
  });

  it('computes each rate from its stated numerator and denominator', async () => {
    const { body: s } = await stats(`township=${TOWNSHIP}`);
    // Settled: 8 (two answers, a rejection, a forward, four written replies); one of them late
    // (answered after 20 days); plus the 30-day-old case never accepted, due and not settled.
    expect(s.rates.onTimeClosure).toEqual({ numerator: 7, denominator: 9, rate: 0.7778 });
    // Accepted: 5; written replies: 4 (the accusation is still under investigation).
    expect(s.rates.reply).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    // Follow-up responses: satisfied, basically satisfied, unsatisfied.
    expect(s.rates.satisfaction).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(s.overdue).toBe(1);
  });

  it('counts the cases under supervision (督办)', async () => {
    // The 30-day-old case never accepted: its acceptance clock fell due 15 days ago and climbed to
    // supervision 5 working days later, which its workflow records just after registration.
    const s = await eventually(async () => (await stats(`township=${TOWNSHIP}`)).body, (b) => b.supervised > 0, 'supervision');
    expect([s.overdue, s.supervised]).toEqual([1, 1]);
    expect((await stats(`township=${TOWNSHIP}&from=${encodeURIComponent(daysAgo(25))}`)).body.supervised).toBe(0);
    expect((await stats(`township=${TOWNSHIP}&kind=help`)).body.supervised).toBe(1);
    expect((await stats(`township=${TOWNSHIP}&kind=complaint`)).body.supervised).toBe(0);
  });

  it('measures days per stage from the timeline', async () => {
    const { body: s } = await stats(`township=${TOWNSHIP}`);
    const days = Object.fromEntries(s.stageDays.map((d: { stage: string }) => [d.stage, d]));
    // Nine cases left registration, after 1, 20, 2, 3, 5, 4, 10, 6 and 1 days: mean 52/9, and the
    // 90th percentile interpolated between the 8th (10) and 9th (20) of nine: 10 + 0.2 × 10.
    expect(days.registered).toEqual({ stage: 'registered', label: '待受理', spans: 9, averageDays: 5.78, p90Days: 12 });
    // Every later step happened within the test run: counted, each well under a day.
    expect(days.investigation).toMatchObject({ spans: 5, averageDays: 0, p90Days: 0 });
    expect(days.recheck).toMatchObject({ spans: 5, averageDays: 0 });
    expect(days.reply).toMatchObject({ spans: 4, averageDays: 0 });
    expect(days.follow_up).toMatchObject({ spans: 3, averageDays: 0 });
  });

  it('filters by date range on the receipt or the closing date', async () => {
    const recent = await stats(`township=${TOWNSHIP}&from=${encodeURIComponent(daysAgo(25))}`);
    expect(recent.body.total).toBe(9);
    expect(recent.body.overdue).toBe(0);
    const window = await stats(`township=${TOWNSHIP}&from=${encodeURIComponent(daysAgo(7))}&to=${encodeURIComponent(daysAgo(2.5))}`);
    expect(counts(window.body.counts.kind)).toEqual({ complaint: 2, help: 1, accusation: 1 });
    const closed = await stats(`township=${TOWNSHIP}&basis=closed&from=${encodeURIComponent(daysAgo(1))}`);
    expect(closed.body.total).toBe(7);
    expect(closed.body.rates.onTimeClosure).toEqual({ numerator: 6, denominator: 7, rate: 0.8571 });
    const yesterday = new Date(now - DAY_MS + 8 * 3600_000).toISOString().slice(0, 10);
    const closedBefore = await stats(`township=${TOWNSHIP}&basis=closed&to=${yesterday}`);
    expect(closedBefore.body.total).toBe(0);
  });

  it('gives a township officer their own township only', async () => {
    const token = await api.login(officer);
    const own = await stats('', token);
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(10);
    expect(own.body.filter.township).toBe(TOWNSHIP);
    const other = await stats(`township=${TOWNSHIP_A}`, token);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
  });

  it('refuses a bad range, naming the field', async () => {
    const bad = await stats('from=last-week');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('query.from');
    const backwards = await stats('from=2026-03-01&to=2026-02-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toEqual([{ field: 'query.to', message: 'must be after from' }]);
    expect((await stats('basis=opened')).status).toBe(400);
    expect((await api.request('GET', '/api/statistics')).status).toBe(401);
  });
});
