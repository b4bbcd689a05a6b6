// The day-counting rule (DESIGN.md §7) end to end: petitions registered backdated across 2026's
// holidays, read back over HTTP, and the reply limit that starts at acceptance; the desk's calculator
// gives the same dates. Real PostgreSQL and the Temporal dev server.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { cstDate, dayOracle, expectedDue } from '../support/day-oracle';
import { inputs, registration } from '../support/fixtures';

let api: ApiStack;
let desk: string;
beforeAll(async () => {
  api = await startApiStack();
  desk = await api.login('desk');
});
afterAll(async () => { await api?.stop(); });

async function register(receivedAt: string) {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ receivedAt }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}
const read = async (id: string) => (await api.request('GET', `/api/cases/${id}`, { token: desk })).body;

/** Received (China Standard Time) → 24:00 of the acceptance decision's last day, worked out by hand. */
const BACKDATED: [string, string, string][] = [
  ['2026-10-09T13:33:00+08:00', '2026-10-26T16:00:00.000Z', 'Friday; day 15 is Saturday 10-24, moved to Monday'],
  ['2026-09-29T09:00:00+08:00', '2026-10-14T16:00:00.000Z', 'day 15 is a Wednesday'],
  ['2026-09-20T16:45:00+08:00', '2026-10-08T16:00:00.000Z', 'day 15 is 10-05, in the National Day holiday'],
  ['2026-02-01T08:00:00+08:00', '2026-02-24T16:00:00.000Z', 'day 15 is 02-16, in the Spring Festival'],
  ['2026-03-21T23:59:00+08:00', '2026-04-07T16:00:00.000Z', 'day 15 is 04-05, in Qingming'],
  ['2026-04-20T00:00:00+08:00', '2026-05-06T16:00:00.000Z', 'day 15 is 05-05, in the Labour Day holiday'],
  ['2026-06-05T12:00:00+08:00', '2026-06-22T16:00:00.000Z', 'day 15 is Saturday 06-20, in Dragon Boat'],
  ['2026-09-10T10:00:00+08:00', '2026-09-28T16:00:00.000Z', 'day 15 is 09-25, in Mid-Autumn'],
  ['2026-09-25T10:00:00+08:00', '2026-10-10T16:00:00.000Z', 'day 15 is Saturday 10-10, a make-up working day (调休): no move'],
];

describe('due dates of backdated petitions across 2026\'s holidays', () => {
  it.each(BACKDATED)('received %s: the acceptance decision is due %s (%s)', async (receivedAt, due) => {
    expect(expectedDue(receivedAt, 15, 'days'), 'the oracle agrees with the hand count').toBe(due);
    const c = await read(await register(receivedAt));
    expect({ stageDueAt: c.stageDueAt, dueAt: c.dueAt, provisional: c.dueProvisional }).toEqual({ stageDueAt: due, dueAt: due, provisional: false });
  });

  it('starts the 60-day reply limit and the investigation\'s 15 working days the day after acceptance', async () => {
    const id = await register('2026-10-09T13:33:00+08:00');
    const accepted = await api.request('POST', `/api/cases/${id}/actions/accept`, { token: desk, body: inputs.accept });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const { acceptedAt, replyDueAt, stageDueAt, dueProvisional } = accepted.body;
    expect({ replyDueAt, stageDueAt }).toEqual({ replyDueAt: expectedDue(acceptedAt, 60, 'days'), stageDueAt: expectedDue(acceptedAt, 15, 'workingDays') });
    // Provisional when the count reaches a year whose holidays are projected (2027 as shipped) or missing.
    const oracle = dayOracle();
    expect(dueProvisional).toBe(oracle.days(cstDate(acceptedAt), 60).provisional || oracle.workingDays(cstDate(acceptedAt), 15).provisional);
    expect((await read(id)).replyDueAt).toBe(replyDueAt);
  });
});

describe('the desk\'s calculator', () => {
  const deadline = (q: string) => api.request('GET', `/api/calendar/deadline?${q}`, { token: desk });

  it.each(BACKDATED)('gives the clocks\' date for an event at %s: %s', async (start, due) => {
    const r = await deadline(`start=${encodeURIComponent(start)}&clock=acceptance`);
    expect(r.status).toBe(200);
    expect({ dueAt: r.body.dueAt, urging: r.body.escalation.urging, provisional: r.body.provisional }).toEqual({ dueAt: due, urging: due, provisional: false });
  });

  it('marks a limit that runs into a year without a published calendar as provisional, counting weekends only', async () => {
    // 2027-12-20 + 30 days = Wednesday 2028-01-19: past the shipped calendar.
    const r = await deadline(`start=${encodeURIComponent('2027-12-20T09:00:00+08:00')}&amount=30&unit=days`);
    expect(r.body).toMatchObject({ dueAt: '2028-01-19T16:00:00.000Z', provisional: true });
  });

  it('counts hours exactly from the minute', async () => {
    const r = await deadline(`start=${encodeURIComponent('2026-10-01T13:33:00+08:00')}&amount=48&unit=hours`);
    expect(r.body).toMatchObject({ dueAt: '2026-10-03T05:33:00.000Z', provisional: false });
  });
});
