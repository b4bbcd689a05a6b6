// Finding 7 of the security review: the files holding personal data are private to the service's user
// (0600, folders 0700), and passwords are judged by a maintained strength estimator. Real servers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createMailer, messageIdFor } from '../../notifications/mailer';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration } from '../support/fixtures';

let api: ApiStack;
const dataDir = path.join(inject('runDir'), `private-${crypto.randomBytes(4).toString('hex')}`);
const attachmentsDir = path.join(dataDir, 'attachments');

beforeAll(async () => {
  api = await startApiStack({ ATTACHMENT_STORE: 'files', ATTACHMENTS_DIR: attachmentsDir });
});
afterAll(async () => { await api?.stop(); });

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('files with personal data', () => {
  it('keeps attached files 0600 in folders 0700', async () => {
    const desk = await api.login('desk');
    const c = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    const res = await fetch(`${api.url}/api/cases/${c.body.id}/attachments?name=${encodeURIComponent('身份证.pdf')}`, {
      method: 'POST', headers: { authorization: `Bearer ${desk}`, 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    expect(res.status).toBe(201);
    const { id } = await res.json() as { id: string };
    expect([mode(attachmentsDir), mode(path.join(attachmentsDir, c.body.id)), mode(path.join(attachmentsDir, c.body.id, id))]).toEqual([0o700, 0o700, 0o600]);
  });

  it('keeps the mail outbox 0700 and its messages 0600, also in a folder made with looser modes', async () => {
    const outboxDir = path.join(dataDir, 'outbox');
    fs.mkdirSync(outboxDir, { recursive: true, mode: 0o755 });
    fs.chmodSync(outboxDir, 0o755);
    const mailer = createMailer({ from: 'jianjian <noreply@jianjian.local>', outboxDir, locale: 'zh', maxAttempts: 1 });
    await mailer.send({ to: 'petitioner@example.org', subject: '延期告知', text: '张三：您的信访事项办理期限延长。', messageId: messageIdFor(crypto.randomUUID(), 'petitioner@example.org') });
    mailer.close();
    const files = fs.readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    expect([mode(outboxDir), mode(path.join(outboxDir, files[0]!))]).toEqual([0o700, 0o600]);
  });

  it('keeps the Temporal dev server\'s SQLite files 0600 in a folder 0700', () => {
    const dir = path.join(inject('runDir'), 'temporal');
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('temporal.sqlite'));
    expect(files).toContain('temporal.sqlite');
    expect(mode(dir)).toBe(0o700);
    for (const f of files) expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
  });
});

describe('password strength', () => {
  it('refuses passwords the estimator finds guessable, common ones with their substitutions and keyboard walks included', async () => {
    const admin = await api.login('admin');
    const create = (password: string) => api.request('POST', '/api/users', {
      token: admin, body: { username: `pw${crypto.randomUUID().slice(0, 8)}`, displayName: '密码测试', role: 'desk', password },
    });
    for (const password of ['P@ssw0rd123', '1qaz@WSX3edc', 'Qwerty-12345', 'Jianjian-2026', 'Admin@123456']) {
      const r = await create(password);
      expect([password, r.status, r.body.error?.fields?.map((f: { field: string }) => f.field)]).toEqual([password, 400, ['password']]);
      expect(r.body.error.fields[0].message).toMatch(/too easy to guess/);
    }
    expect((await create('Lantern-Quarry-42')).status).toBe(201);
  });
});
