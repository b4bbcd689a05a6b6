// A county's own installation from an empty database: `npm run setup` twice (the second run changes
// nothing), the first administrator's login, and the county's master data entered through the API.
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../db/client';
import { runSetup, type SetupResult } from '../../setup/run';
import { loadTemporalConfig } from '../../temporal.config';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration } from '../support/fixtures';
import { emptyDatabase } from '../support/fresh-database';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SCHEDULE_ID = `install-test-${crypto.randomUUID()}`;
let env: Record<string, string>;
let first: SetupResult;
let second: SetupResult;
let api: ApiStack;
let admin: string;

/** What setup may write: the schema's migrations, the accounts, and the Schedule. */
async function snapshot(url: string) {
  const db = createDb(url, 1);
  try {
    return {
      migrations: await db.$queryRawUnsafe<Array<{ name: string }>>('SELECT name FROM schema_migrations ORDER BY name'),
      users: await db.user.findMany({ orderBy: { username: 'asc' } }),
      townships: await db.township.count(),
    };
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  env = { ...await emptyDatabase(), TEMPORAL_PAYLOAD_KEYS: inject('payloadKeys'), WEEKLY_REPORT_SCHEDULE_ID: SCHEDULE_ID, TEMPORAL_TASK_QUEUE: `install-${crypto.randomUUID()}` };
  const setup = () => runSetup({ databaseUrl: env.DATABASE_URL!, databaseOwnerUrl: env.DATABASE_OWNER_URL, address: inject('temporalAddress'), temporal: loadTemporalConfig({ ...env, TEMPORAL_ADDRESS: inject('temporalAddress') }) });
  first = await setup();
  // As the owner: the migrations' table is none of the application's business.
  const before = await snapshot(env.DATABASE_OWNER_URL!);
  second = await setup();
  expect(await snapshot(env.DATABASE_OWNER_URL!)).toEqual(before);
  api = await startApiStack(env);
});
afterAll(async () => {
  await api?.temporal.schedule.getHandle(SCHEDULE_ID).delete().catch(() => undefined);
  await api?.stop();
});

describe('npm run setup on an empty database', () => {
  it('migrates, schedules the weekly report and creates one administrator; run again, it changes nothing', async () => {
    expect(first.migrations.length).toBeGreaterThan(0);
    expect(first.schedule).toBe('created');
    expect(first.firstAdmin).toMatchObject({ username: 'admin', password: expect.stringMatching(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/) });
    expect(second).toEqual({ migrations: [], schedule: 'updated', firstAdmin: undefined });
    const users = await api.db.user.findMany();
    expect(users.map((u) => [u.username, u.role, u.mustChangePassword])).toEqual([['admin', 'admin', true]]);
    expect(await api.db.township.count()).toBe(0);
    const d = await api.temporal.schedule.getHandle(SCHEDULE_ID).describe();
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'weeklyReportWorkflow', taskQueue: env.TEMPORAL_TASK_QUEUE });
  });

  it('lets the first administrator log in with the printed password, which must be changed first', async () => {
    const password = first.firstAdmin!.password;
    const login = await api.request('POST', '/api/auth/login', { body: { username: 'admin', password } });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect((await api.request('GET', '/api/users', { token: login.body.token })).status).toBe(403);
    const changed = await api.request('POST', '/api/auth/password', { token: login.body.token, body: { currentPassword: password, newPassword: 'Land-Registry-2026!' } });
    expect(changed.status).toBe(204);
    expect((await api.request('GET', '/api/users', { token: login.body.token })).status).toBe(200);
    admin = login.body.token;
  });
});

/** Uploads a spreadsheet to an import route. */
async function upload(path: string, body: Buffer | string, contentType: string, dryRun: boolean) {
  const res = await fetch(`${api.url}${path}?dryRun=${dryRun}`, {
    method: 'POST', body, headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
  });
  return { status: res.status, body: await res.json() as any };
}

async function villagesXlsx(rows: Array<[string | number, string, string]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('村');
  sheet.addRow(['代码', '名称', '乡镇代码']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("the county's master data", () => {
  it('takes the county, then townships from a CSV file: a dry run reports each rejected row and writes nothing', async () => {
    expect((await api.request('GET', '/api/county', { token: admin })).body).toBeNull();
    const county = await api.request('PUT', '/api/county', { token: admin, body: { code: '130123', name: '正定县' } });
    expect(county.status, JSON.stringify(county.body)).toBe(200);
    const csv = '\ufeff代码,名称\n130123100,正定镇\n130123101,诸福屯镇\n130124102,外县镇\n130123101,重复镇\n\n130123200,\n';
    const dry = await upload('/api/imports/townships', csv, 'text/csv', true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ kind: 'townships', dryRun: true, rows: 5, created: 2, updated: 0, unchanged: 0 });
    expect(dry.body.rejected).toEqual([
      { row: 4, field: 'code', message: '"130124102" does not begin with the county\'s code 130123' },
      { row: 5, field: 'code', message: '"130123101" appears more than once in the file' },
      { row: 7, field: 'name', message: expect.stringMatching(/required/) },
    ]);
    expect(await api.db.township.count()).toBe(0);

    const real = await upload('/api/imports/townships', csv, 'text/csv', false);
    expect(real.body).toMatchObject({ dryRun: false, created: 2, rejected: dry.body.rejected });
    expect((await api.request('GET', '/api/townships', { token: admin })).body).toEqual([
      { code: '130123100', name: '正定镇' }, { code: '130123101', name: '诸福屯镇' },
    ]);
    // Run again, the same file changes nothing.
    expect((await upload('/api/imports/townships', csv, 'text/csv', false)).body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('imports villages from an XLSX workbook, codes typed as numbers included, refusing a village of an unknown township', async () => {
    const file = await villagesXlsx([
      [130123100201, '东关村', '130123100'],
      ['130123100202', '西关村', '130123100'],
      ['130123101201', '诸福屯村', '130123101'],
      ['130123999201', '无主村', '130123999'],
      ['130123101202', '东关村', '130123100'],
    ]);
    const dry = await upload('/api/imports/villages', file, XLSX, true);
    expect(dry.body).toMatchObject({ rows: 5, created: 3 });
    expect(dry.body.rejected).toEqual([
      { row: 5, field: 'townshipCode', message: 'unknown township code "130123999" (import or add the township first)' },
      { row: 6, field: 'code', message: '"130123101202" does not begin with its township\'s code 130123100' },
    ]);
    expect(await api.db.village.count()).toBe(0);
    expect((await upload('/api/imports/villages', file, XLSX, false)).body).toMatchObject({ created: 3, rejected: dry.body.rejected });
    const list = await api.request('GET', '/api/villages?township=130123100', { token: admin });
    expect(list.body.map((v: { code: string; name: string }) => [v.code, v.name])).toEqual([['130123100201', '东关村'], ['130123100202', '西关村']]);
    expect((await api.request('GET', '/api/villages/130123100201', { token: admin })).body).toEqual({
      code: '130123100201', name: '东关村', township: { code: '130123100', name: '正定镇' },
    });
    const renamed = await api.request('PATCH', '/api/villages/130123100202', { token: admin, body: { name: '东关村' } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.fields).toEqual([{ field: 'name', message: '"东关村" is already the name of 130123100201' }]);
  });

  it('refuses a file that is not a spreadsheet, and imports from anyone but the administrator', async () => {
    expect((await upload('/api/imports/villages', Buffer.from('PK\u0003\u0004 not really'), XLSX, true)).status).toBe(400);
    expect((await upload('/api/imports/villages', '{}', 'application/json', true)).status).toBe(400);
    const res = await fetch(`${api.url}/api/imports/townships?dryRun=true`, { method: 'POST', body: '代码,名称\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(401);
  });

  it('imports user accounts from a spreadsheet, each with a first password shown once, reporting rejected rows first', async () => {
    const csv = '用户名,姓名,角色,乡镇代码,邮箱\nzd-lead,正定镇领导,乡镇领导,130123100,lead@county.example.cn\nzd-reviewer,县复核,county_reviewer,,\nzd-bad,无乡镇,township_officer,,\nzd-lead,重复,desk,,\nzd-who,不明,mayor,,\n';
    const rejected = [
      { row: 4, field: 'townshipCode', message: 'is required for role "township_officer"' },
      { row: 5, field: 'username', message: '"zd-lead" is taken' },
      { row: 6, field: 'role', message: expect.stringMatching(/desk/) },
    ];
    const dry = await upload('/api/users/import', csv, 'text/csv', true);
    expect(dry.body).toEqual({ dryRun: true, rows: 5, created: 2, rejected, accounts: [] });
    expect(await api.db.user.count({ where: { username: { startsWith: 'zd-' } } })).toBe(0);
    const real = await upload('/api/users/import', csv, 'text/csv', false);
    expect(real.body).toMatchObject({ dryRun: false, created: 2, rejected });
    expect(real.body.accounts.map((a: { username: string }) => a.username)).toEqual(['zd-lead', 'zd-reviewer']);
    const lead = await api.db.user.findUniqueOrThrow({ where: { username: 'zd-lead' } });
    expect(lead).toMatchObject({ role: 'township_leader', townshipCode: '130123100', email: 'lead@county.example.cn', mustChangePassword: true });
    const login = await api.request('POST', '/api/auth/login', { body: { username: 'zd-lead', password: real.body.accounts[0].password } });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it('creates users in an imported township, and registers a case in an imported village', async () => {
    const users = [
      { username: 'zd-desk', displayName: '信访窗口', role: 'desk' },
      { username: 'zd-town', displayName: '正定镇经办人', role: 'township_officer', townshipCode: '130123100' },
    ];
    for (const u of users) {
      const r = await api.request('POST', '/api/users', { token: admin, body: { ...u, password: 'First-Login-2026' } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const login = await api.request('POST', '/api/auth/login', { body: { username: u.username, password: 'First-Login-2026' } });
      expect((await api.request('POST', '/api/auth/password', { token: login.body.token, body: { currentPassword: 'First-Login-2026', newPassword: 'Petition-Desk-77' } })).status).toBe(204);
    }
    const desk = (await api.request('POST', '/api/auth/login', { body: { username: 'zd-desk', password: 'Petition-Desk-77' } })).body.token;
    const wrong = await api.request('POST', '/api/cases', {
      token: desk, headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: registration({ township: '130123101', villageCode: '130123100201', village: undefined }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ field: 'villageCode', message: 'village "130123100201" is not in township 130123101' }]);

    const reg = await api.request('POST', '/api/cases', {
      token: desk, headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: registration({ township: '130123100', villageCode: '130123100201', village: undefined }),
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const c = await api.request('GET', `/api/cases/${reg.body.id}`, { token: desk });
    expect(c.body).toMatchObject({ township: { code: '130123100', name: '正定镇' }, village: '东关村', villageCode: '130123100201' });
    const listed = await api.request('GET', '/api/cases?village=130123100201', { token: desk });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([reg.body.id]);
    const stats = await api.request('GET', '/api/statistics?township=130123100', { token: desk });
    expect(stats.body.counts.village).toEqual([{ key: '130123100201', code: '130123100201', label: '东关村', count: 1 }]);

    const town = (await api.request('POST', '/api/auth/login', { body: { username: 'zd-town', password: 'Petition-Desk-77' } })).body.token;
    expect((await api.request('GET', '/api/cases', { token: town })).body.items.map((i: { id: string }) => i.id)).toEqual([reg.body.id]);
  });
});
