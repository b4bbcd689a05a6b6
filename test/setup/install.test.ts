// A county's own installation from an empty database: `npm run setup` twice (the second run changes
// nothing), the first administrator's login, and the county's master data entered through the API.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../db/client';
import { runSetup, type SetupResult } from '../../setup/run';
import { loadTemporalConfig } from '../../temporal.config';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { emptyDatabase } from '../support/fresh-database';

const SCHEDULE_ID = `install-test-${crypto.randomUUID()}`;
let env: Record<string, string>;
let first: SetupResult;
let second: SetupResult;
let api: ApiStack;

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
  });
});
