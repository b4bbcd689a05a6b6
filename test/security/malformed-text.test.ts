// Finding 3 of the security review: text that is not well-formed, or only invisible, and file names
// with direction controls are refused with a 400 naming the field before any workflow sees them; an
// Update that gets no answer ends in a 504; a write the database cannot store fails its step at once.
// Every request here must be answered within 10 seconds. Real PostgreSQL and Temporal.
import crypto from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActivities } from '../../activities';
import type { TimelineEvent } from '../../activities/record-event';
import { createMailer } from '../../notifications/mailer';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A } from '../support/fixtures';
import { noticeInput, startNotice } from '../support/notice-fixtures';

let api: ApiStack;
let desk: string;

beforeAll(async () => {
  api = await startApiStack({ PUBLIC_RATE_LIMIT: '1000' });
  desk = await api.login('desk');
});
afterAll(async () => { await api?.stop(); });

/** A request that must be answered within 10 seconds; the raw body keeps lone surrogates as JSON escapes. */
async function within10s(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: Buffer; type?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': opts.type ?? 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers };
  const res = await fetch(`${api.url}${path}`, { method, headers, body: opts.raw ?? JSON.stringify(opts.body), signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.json() as any };
}

const LONE = '\ud800';
const INVISIBLE = '\u200b\u2060\u200d';

function expectRefused(r: { status: number; body: any }, field: string) {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.error.fields).toContainEqual(expect.objectContaining({ field, code: 'malformed_text' }));
}

async function register() {
  const r = await within10s('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  return r.body as { id: string; caseNo: string; queryCode: string };
}

describe('malformed text at the desk', () => {
  it('refuses a registration whose text has a lone surrogate or only invisible characters, creating no case', async () => {
    for (const [patch, field] of [[{ subject: `低保${LONE}` }, 'subject'], [{ facts: INVISIBLE }, 'facts'], [{ petitioner: { name: `${LONE}张三` } }, 'petitioner.name']] as const) {
      const key = crypto.randomUUID();
      expectRefused(await within10s('POST', '/api/cases', { token: desk, body: registration(patch as object), headers: { 'Idempotency-Key': key } }), field);
    }
  });

  it('refuses it in the similar-case lookup and in an action, and the case goes on', async () => {
    expectRefused(await within10s('POST', '/api/cases/similar', { token: desk, body: { subject: `低保${LONE}`, township: TOWNSHIP_A } }), 'subject');
    expectRefused(await within10s('POST', '/api/cases/similar', { token: desk, body: { phone: INVISIBLE } }), 'phone');
    const c = await register();
    expectRefused(await within10s('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: { ...inputs.accept, note: `受理${LONE}` } }), 'note');
    expect((await within10s('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
  });

  it('refuses a file name with direction controls', async () => {
    const c = await register();
    const officer = await api.login(DEMO_USERS.find((u) => u.townshipCode === TOWNSHIP_A && u.role === 'township_officer')!.username);
    await within10s('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: inputs.accept });
    for (const name of ['invoice\u202efdp.exe', 'report\u2066.pdf', INVISIBLE]) {
      const r = await within10s('POST', `/api/cases/${c.id}/attachments?name=${encodeURIComponent(name)}`, { token: officer, raw: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' });
      expectRefused(r, 'query.name');
    }
  });
});

describe('malformed text from the public', () => {
  it('refuses an objection or a satisfaction comment with a lone surrogate, and the notice still takes a good one', async () => {
    const c = await register();
    const input = noticeInput(c.id);
    const handle = await startNotice(api.temporal, api.taskQueue, input);
    const { publicId } = await vi.waitFor(() => api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } }), { timeout: 30_000, interval: 100 });
    expectRefused(await within10s('POST', `/public/notices/${publicId}/objections`, { body: { reason: `收入不实${LONE}` } }), 'reason');
    expectRefused(await within10s('POST', `/public/notices/${publicId}/objections`, { body: { reason: INVISIBLE } }), 'reason');
    expectRefused(await within10s('POST', `/public/notices/${publicId}/objections`, { body: { reason: '收入不实', name: `\udc00` } }), 'name');
    const ok = await within10s('POST', `/public/notices/${publicId}/objections`, { body: { reason: '收入不实' } });
    expect([ok.status, ok.body.objectionNo]).toEqual([201, 1]);
    expectRefused(await within10s('POST', `/public/cases/${c.caseNo}/satisfaction?code=${c.queryCode}`, { body: { response: 'satisfied', comment: `满意${LONE}` } }), 'comment');
    await handle.terminate('test over');
  });
});

describe('an Update without an answer', () => {
  it('ends in a 504 JSON error after the deadline, not a request that waits for ever', async () => {
    // No worker polls this stack's task queue: the registration's Update is never answered.
    const idle = await startApiStack({ UPDATE_TIMEOUT_SECONDS: '2' }, { worker: false });
    try {
      const r = await fetch(`${idle.url}/api/cases`, {
        method: 'POST', signal: AbortSignal.timeout(10_000),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await idle.login('desk')}`, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(registration()),
      });
      expect(r.status).toBe(504);
      expect((await r.json() as any).error.code).toBe('update_timeout');
    } finally {
      await idle.stop();
    }
  });
});

describe('a write the database cannot store', () => {
  it('fails its step at once, non-retryably, and keeps what was recorded before', async () => {
    const c = await register();
    const before = await api.db.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: 'asc' } });
    const row = await api.db.case.findUniqueOrThrow({ where: { id: c.id } });
    const { recordEvent } = createActivities({ db: api.db, mailer: createMailer({ from: 'x <x@x.local>', outboxDir: '/nonexistent', locale: 'zh', maxAttempts: 1 }), mail: { locale: 'zh', maxAttempts: 1 } });
    const event = { caseId: c.id, seq: row.lastEventSeq + 1, type: 'accept', at: new Date().toISOString(), actor: null, data: { note: `受理${LONE}` }, row: { stage: 'investigation' } } as unknown as TimelineEvent;
    const failure = await recordEvent(event).then(() => undefined, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'BadData', nonRetryable: true });
    expect((failure as Error).message).toMatch(/^recordEvent: the database cannot store this data/);
    expect(await api.db.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { seq: 'asc' } })).toEqual(before);
    expect((await api.db.case.findUniqueOrThrow({ where: { id: c.id } })).stage).toBe(row.stage);
  });
});
