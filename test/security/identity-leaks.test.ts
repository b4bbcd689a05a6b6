// Findings 2 and 6 of the security review: an accuser's (or an objector's) identity, however it is
// written into free text, never reaches township users (detail, timeline, exports, q= search), and
// every county read that shows an accuser is in the audit log. Real PostgreSQL and Temporal.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { normalizeForMatch } from '../../domain/personal-data';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A } from '../support/fixtures';
import { noticeInput, startNotice } from '../support/notice-fixtures';

let api: ApiStack;
let desk: string;
let reviewer: string;
let officer: string;

beforeAll(async () => {
  api = await startApiStack({ PUBLIC_RATE_LIMIT: '1000' });
  [desk, reviewer, officer] = await Promise.all(['desk', 'reviewer', DEMO_USERS.find((u) => u.townshipCode === TOWNSHIP_A && u.role === 'township_officer')!.username].map((u) => api.login(u))) as [string, string, string];
});
afterAll(async () => { await api?.stop(); });

const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The ways people write a value into free text: spaced, dashed, bracketed, full-width, upper case, with invisible joiners. */
function variants(value: string): string[] {
  const chars = [...value];
  const groups = value.length === 11 ? [value.slice(0, 3), value.slice(3, 7), value.slice(7)] : [value.slice(0, 6), value.slice(6, 14), value.slice(14)];
  return [
    value, chars.join(' '), chars.join('\u3000'), groups.join('-'), groups.join('—'), `（${groups[0]}）${groups.slice(1).join(' ')}`,
    FULL_WIDTH(value), value.toUpperCase(), chars.join('\u200b'),
  ];
}

/** A fresh accuser: no other test shares their identity. */
function accuser() {
  const tag = crypto.randomBytes(3).toString('hex');
  return {
    name: `周秘${String.fromCharCode(0x4e00 + crypto.randomInt(0x4000))}`, phone: `185${crypto.randomInt(10_000_000, 100_000_000)}`,
    idNumber: `410521198001${crypto.randomInt(100_000, 1_000_000)}`, email: `zhou.mimi.${tag}@example.com`, address: `前进村${crypto.randomInt(10, 99)}组`,
  };
}

/** Whether `text`, normalised, still holds any identity value, normalised. */
const leaks = (text: string, identity: Record<string, string>) =>
  Object.values(identity).map(normalizeForMatch).filter((v) => normalizeForMatch(text).includes(v));

async function accusation() {
  const who = accuser();
  const marker = crypto.randomBytes(4).toString('hex');
  const written = Object.values(who).flatMap(variants);
  const body = registration({
    kind: 'accusation', petitioner: { name: who.name, phone: who.phone, idNumber: who.idNumber, address: who.address, email: who.email } as never,
    subject: `举报村干部${marker}（举报人${variants(who.name)[1]}）`,
    facts: `举报人自述：${written.join('；')}。`, request: `请回电 ${variants(who.phone)[3]} 或邮件 ${FULL_WIDTH(who.email)}`,
  });
  const r = await api.request('POST', '/api/cases', { token: desk, body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const accepted = await api.request('POST', `/api/cases/${r.body.id}/actions/accept`, { token: desk, body: { ...inputs.accept, note: `已核实举报人 ${written.join('、')}` } });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  return { id: r.body.id as string, caseNo: r.body.caseNo as string, who, marker };
}

describe('an accuser written into free text', () => {
  it('is blanked for the township in the detail, the timeline and the export, however it is written', async () => {
    const c = await accusation();
    const detail = await api.request('GET', `/api/cases/${c.id}`, { token: officer });
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.find((e: { type: string }) => e.type === 'accept').data.note).toMatch(/^已核实举报人 ＊＊＊/);
    expect(leaks(JSON.stringify(detail.body), c.who)).toEqual([]);
    const csv = await api.request('GET', `/api/exports/cases?format=csv&q=${c.marker}`, { token: officer });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(c.caseNo);
    expect(leaks(csv.body, c.who)).toEqual([]);
    // The county still reads it all.
    const county = await api.request('GET', `/api/cases/${c.id}`, { token: reviewer });
    expect(leaks(JSON.stringify(county.body), c.who).length).toBe(Object.keys(c.who).length);
  });

  it('cannot be confirmed through the township\'s q= search, where % and _ are literal', async () => {
    const c = await accusation();
    const search = async (q: string) => (await api.request('GET', `/api/cases?pageSize=100&q=${encodeURIComponent(q)}`, { token: officer })).body.items.map((i: { id: string }) => i.id);
    expect(await search(c.marker)).toContain(c.id);
    for (const guess of [c.who.name, [...c.who.name].join(' '), `${c.marker}（举报人${[...c.who.name].join(' ')}`]) expect(await search(guess)).not.toContain(c.id);
    expect(await search(`${c.marker.slice(0, 2)}%`)).not.toContain(c.id);
    expect(await search(`${c.marker.slice(0, 7)}_`)).not.toContain(c.id);
  });
});

describe('an objector written into an objection\'s reason', () => {
  it('is blanked for the township, and shown to the county', async () => {
    const c = await accusation();
    const input = noticeInput(c.id);
    const handle = await startNotice(api.temporal, api.taskQueue, input);
    const { publicId } = await vi.waitFor(() => api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } }), { timeout: 30_000, interval: 100 });
    const objector = { name: '王秘五', contact: `137${crypto.randomInt(10_000_000, 100_000_000)}` };
    const reason = `我是${variants(objector.name)[1]}，电话${variants(objector.contact)[3]}，${FULL_WIDTH(objector.contact)}`;
    expect((await api.request('POST', `/public/notices/${publicId}/objections`, { body: { reason, ...objector } })).status).toBe(201);
    const township = await api.request('GET', `/api/notices/${input.noticeId}`, { token: officer });
    expect(township.body.objectionList[0].reason).toMatch(/^我是＊＊＊，电话＊＊＊/);
    expect(leaks(JSON.stringify(township.body), objector)).toEqual([]);
    const county = await api.request('GET', `/api/notices/${input.noticeId}`, { token: reviewer });
    expect(county.body.objectionList[0].reason).toBe(reason);
    await handle.terminate('test over');
  });
});

describe('county reads that show an accuser', () => {
  const viewsOf = (id: string) => api.db.auditEntry.findMany({ where: { target: id, action: 'case.identity-viewed' }, orderBy: { id: 'asc' } });

  it('are audited in lists, exports and the similar-case lookup', async () => {
    const c = await accusation();
    expect((await api.request('GET', `/api/cases?q=${c.marker}`, { token: reviewer })).body.total).toBe(1);
    expect((await api.request('GET', `/api/exports/cases?format=csv&q=${c.marker}`, { token: reviewer })).status).toBe(200);
    const similar = await api.request('POST', '/api/cases/similar', { token: desk, body: { phone: c.who.phone } });
    expect(similar.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    const entries = await viewsOf(c.id);
    expect(entries.map((e) => [e.actorUsername, (e.detail as { via?: string }).via])).toEqual(
      expect.arrayContaining([['reviewer', 'list'], ['reviewer', 'export'], ['desk', 'similar']]),
    );
    // The township's blanked list reveals nothing, and records nothing.
    const before = entries.length;
    await api.request('GET', `/api/cases?q=${c.marker}`, { token: officer });
    expect(await viewsOf(c.id)).toHaveLength(before);
  });
});
