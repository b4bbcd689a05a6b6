// Attachments over HTTP: stored in PostgreSQL (or a folder), served by any API process, scoped like
// their case, limited in type and size; and the desk's similar-case search.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';

let api: ApiStack;
let desk: string;
let manager: string;
let officerA: string;
let officerB: string;
const officerOf = (code: string) => DEMO_USERS.find((u) => u.townshipCode === code)!.username;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

beforeAll(async () => {
  // A limit of 50 KB, so the size test stays small.
  api = await startApiStack({ ATTACHMENT_MAX_MB: String(50 / 1024) });
  [desk, manager, officerA, officerB] = await Promise.all(['desk', 'manager', officerOf(TOWNSHIP_A), officerOf(TOWNSHIP_B)].map((u) => api.login(u))) as [string, string, string, string];
});
afterAll(async () => { await api?.stop(); });

async function register(overrides = {}): Promise<string> {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration(overrides), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  return r.body.id;
}

async function upload(token: string, caseId: string, name: string, body: Buffer, type = 'application/pdf', url = api.url) {
  const res = await fetch(`${url}/api/cases/${caseId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body,
  });
  return { status: res.status, body: await res.json() as any };
}

const list = (token: string, caseId: string) => api.request('GET', `/api/cases/${caseId}/attachments`, { token });
/** The attachments whose bytes are in the store, by id. */
const storedFiles = async (caseId: string) => [...new Set((await api.db.attachmentChunk.findMany({ where: { caseId }, select: { attachmentId: true } })).map((c) => c.attachmentId))];

describe('attachments', () => {
  it('stores an upload, lists it and gives the same bytes back under its name', async () => {
    const id = await register();
    const up = await upload(officerA, id, '入户调查记录.pdf', PDF);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ caseId: id, fileName: '入户调查记录.pdf', contentType: 'application/pdf', size: PDF.length, stage: 'registered' });
    const row = await api.db.attachment.findUniqueOrThrow({ where: { id: up.body.id } });
    expect(row.sha256).toBe(crypto.createHash('sha256').update(PDF).digest('hex'));

    const listed = await list(desk, id);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
    expect(listed.body.limits.maxBytes).toBe(50 * 1024);

    const res = await fetch(`${api.url}/api/cases/${id}/attachments/${up.body.id}`, { headers: { authorization: `Bearer ${manager}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('入户调查记录.pdf')}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers another township exactly as for a missing case', async () => {
    const id = await register();
    const up = await upload(officerA, id, 'a.pdf', PDF);
    expect((await list(officerB, id)).status).toBe(404);
    expect((await api.request('GET', `/api/cases/${id}/attachments/${up.body.id}`, { token: officerB })).status).toBe(404);
    expect((await upload(officerB, id, 'b.pdf', PDF)).status).toBe(404);
    expect((await upload(manager, id, 'c.pdf', PDF)).status).toBe(403);
    expect(await storedFiles(id)).toEqual([up.body.id]);
  });

  it('refuses types not taken, names that do not match, content that lies, empty and oversized files', async () => {
    const id = await register();
    const refusals: Array<[string, Buffer, string, number, string]> = [
      ['tool.exe', PDF, 'application/x-msdownload', 400, 'Content-Type'],
      ['photo.png', PDF, 'application/pdf', 400, 'query.name'],
      ['photo.png', PDF, 'image/png', 400, 'Content-Type'],
      ['empty.pdf', Buffer.alloc(0), 'application/pdf', 400, '(body)'],
      ['big.pdf', Buffer.concat([PDF, Buffer.alloc(60 * 1024, 0x20)]), 'application/pdf', 413, '(body)'],
      ['a/b.pdf', PDF, 'application/pdf', 400, 'query.name'],
    ];
    for (const [name, body, type, status, field] of refusals) {
      const r = await upload(desk, id, name, body, type);
      expect(r.status, name).toBe(status);
      expect(r.body.error.fields[0].field, name).toBe(field);
    }
    expect(await api.db.attachment.count({ where: { caseId: id } })).toBe(0);
    expect(await storedFiles(id)).toEqual([]);
  });

  it('keeps an accuser\'s material from the township, and takes nothing once the case is closed', async () => {
    const id = await register({ kind: 'accusation' });
    const fromDesk = await upload(desk, id, '举报信.pdf', PDF);
    const fromTown = await upload(officerA, id, '核查记录.txt', Buffer.from('核查情况'), 'text/plain; charset=utf-8');
    expect(fromTown.status).toBe(201);
    expect((await list(officerA, id)).body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['核查记录.txt']);
    expect((await api.request('GET', `/api/cases/${id}/attachments/${fromDesk.body.id}`, { token: officerA })).status).toBe(404);
    expect((await list(desk, id)).body.items).toHaveLength(2);
    // The accuser's letter may name them: a county download is logged as an identity view.
    expect((await api.request('GET', `/api/cases/${id}/attachments/${fromDesk.body.id}`, { token: desk })).status).toBe(200);
    const views = await api.db.auditEntry.findMany({ where: { action: 'case.identity-viewed', target: id } });
    expect(views.map((v) => (v.detail as { attachment?: string }).attachment)).toContain(fromDesk.body.id);

    await api.request('POST', `/api/cases/${id}/actions/reject`, { token: desk, body: inputs.reject });
    const late = await upload(desk, id, 'late.pdf', PDF);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('case_closed');
  });
});

describe('attachment stores', () => {
  const download = async (url: string, caseId: string, id: string) =>
    Buffer.from(await (await fetch(`${url}/api/cases/${caseId}/attachments/${id}`, { headers: { authorization: `Bearer ${manager}` } })).arrayBuffer());
  // Several chunks of the PostgreSQL store, with a tail shorter than a chunk.
  const big = Buffer.concat([PDF, crypto.randomBytes(1_300_000)]);

  it('serves a file uploaded through one API process from another, streamed from PostgreSQL in chunks', async () => {
    const other = await startApiStack({ ATTACHMENT_MAX_MB: '2' }, { worker: false });
    try {
      const id = await register();
      const up = await upload(officerA, id, '录音转写.pdf', big, 'application/pdf', other.url);
      expect(up.status).toBe(201);
      expect(await api.db.attachmentChunk.count({ where: { attachmentId: up.body.id } })).toBe(3);
      expect((await download(api.url, id, up.body.id)).equals(big)).toBe(true);
    } finally {
      await other.stop();
    }
  });

  it('keeps files in a folder when ATTACHMENT_STORE=files, and removes a refused one', async () => {
    const dir = path.join(inject('runDir'), `attachments-${crypto.randomUUID()}`);
    const files = await startApiStack({ ATTACHMENT_STORE: 'files', ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_MB: '2' }, { worker: false });
    try {
      const id = await register();
      const up = await upload(officerA, id, 'a.pdf', big, 'application/pdf', files.url);
      expect(up.status).toBe(201);
      expect(fs.readdirSync(path.join(dir, id))).toEqual([up.body.id]);
      expect((await download(files.url, id, up.body.id)).equals(big)).toBe(true);
      expect((await upload(officerA, id, 'b.png', PDF, 'image/png', files.url)).status).toBe(400);
      expect(fs.readdirSync(path.join(dir, id))).toEqual([up.body.id]);
      expect(await storedFiles(id)).toEqual([]);
    } finally {
      await files.stop();
    }
  });
});

describe('similar open cases', () => {
  it('finds open cases by ID number, phone, or township and subject, and says why', async () => {
    const idNumber = `41052119900101${String(crypto.randomInt(1000, 9999))}`;
    const byId = await register({ subject: '身份证相同', petitioner: { name: '甲', idNumber } });
    const byPhone = await register({ subject: '电话相同', petitioner: { name: '乙', phone: '13712345678' } });
    const bySubject = await register({ subject: '危房改造补助未到位', township: TOWNSHIP_B });
    const closed = await register({ subject: '危房改造补助未到位', township: TOWNSHIP_B });
    await api.request('POST', `/api/cases/${closed}/actions/reject`, { token: desk, body: inputs.reject });

    const find = (body: object, token = desk) => api.request('POST', '/api/cases/similar', { token, body });
    const ids = (r: { body: { items: Array<{ id: string; reasons: string[] }> } }) => r.body.items.map((i) => [i.id, i.reasons]);
    expect(ids(await find({ idNumber: idNumber.toLowerCase() }))).toEqual([[byId, ['idNumber']]]);
    expect(ids(await find({ phone: '13712345678' }))).toEqual([[byPhone, ['phone']]]);
    expect(ids(await find({ township: TOWNSHIP_B, subject: '危房改造补助未到位' }))).toEqual([[bySubject, ['subject']]]);
    expect(ids(await find({ township: TOWNSHIP_A, subject: '危房改造补助未到位' }))).toEqual([]);
    expect((await find({})).body.items).toEqual([]);
    expect((await find({ phone: '1' }, officerA)).status).toBe(403);
  });

  it('lists a township\'s cases with the nearest due date first', async () => {
    const r = await api.request('GET', '/api/cases?sort=due&pageSize=100', { token: officerA });
    expect(r.status).toBe(200);
    const due = r.body.items.map((c: { stageDueAt: string | null }) => c.stageDueAt ?? '9999');
    expect(due.length).toBeGreaterThan(2);
    expect(due).toEqual([...due].sort());
  });
});
