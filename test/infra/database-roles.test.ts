// The application connects as a role that owns nothing: each way the security probe got around the
// audit log's append-only trigger fails for it, while the application's own work succeeds.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration } from '../support/fixtures';

let app: pg.Client;
let api: ApiStack;

const connect = async (url: string) => { const c = new pg.Client({ connectionString: url }); await c.connect(); return c; };

/** Runs `sql` in a transaction that is always rolled back, answering its error, if any. */
async function attempt(client: pg.Client, ...sql: string[]): Promise<Error | undefined> {
  await client.query('BEGIN');
  try {
    for (const s of sql) await client.query(s);
    return undefined;
  } catch (e) {
    return e as Error;
  } finally {
    await client.query('ROLLBACK');
  }
}

beforeAll(async () => {
  app = await connect(inject('databaseUrl'));
  api = await startApiStack();
});
afterAll(async () => {
  await app?.end();
  await api?.stop();
});

describe("the application's database role", () => {
  it('is not a superuser and owns nothing', async () => {
    const { rows: [role] } = await app.query(`SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    const { rows: [owned] } = await app.query(`SELECT
      (SELECT count(*) FROM pg_class WHERE relowner = r.oid) + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
      + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid) + (SELECT count(*) FROM pg_type WHERE typowner = r.oid)
      + (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS n FROM pg_roles r WHERE rolname = current_user`);
    expect(Number(owned.n)).toBe(0);
  });

  it.each([
    ['disable the audit trigger', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER USER', /must be owner/],
    ['disable every trigger', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER ALL', /must be owner/],
    ['replicate around the trigger', 'SET session_replication_role = replica', /permission denied to set parameter/],
    ['replicate around it for the transaction', 'SET LOCAL session_replication_role = replica', /permission denied to set parameter/],
    ['drop the trigger', 'DROP TRIGGER "AuditEntry_append_only" ON "AuditEntry"', /must be owner/],
    ['replace the trigger function', 'CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$', /permission denied for schema/],
    ['update the audit log', `UPDATE "AuditEntry" SET action = 'nothing happened'`, /permission denied for table/],
    ['delete from the audit log', 'DELETE FROM "AuditEntry"', /permission denied for table/],
    ['truncate the audit log', 'TRUNCATE "AuditEntry"', /permission denied for table/],
    ['drop the audit log', 'DROP TABLE "AuditEntry"', /must be owner/],
    ['delete a case', 'DELETE FROM "Case"', /permission denied for table/],
    ['create a table', 'CREATE TABLE probe (id int)', /permission denied for schema/],
    ['read the migrations', 'SELECT * FROM schema_migrations', /permission denied for table/],
  ])('cannot %s', async (_what, sql, error) => {
    const before = (await app.query('SELECT count(*)::int AS n FROM "AuditEntry"')).rows[0].n;
    expect((await attempt(app, sql))?.message).toMatch(error);
    expect((await app.query('SELECT count(*)::int AS n FROM "AuditEntry"')).rows[0].n).toBeGreaterThanOrEqual(before);
  });

  it("still does the application's work, which the audit log records", async () => {
    const desk = await api.login('desk');
    const created = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(created.status).toBe(201);
    const accepted = await api.request('POST', `/api/cases/${created.body.id}/actions/accept`, { token: desk, body: inputs.accept });
    expect(accepted.status).toBe(200);
    const { rows } = await app.query(`SELECT action FROM "AuditEntry" WHERE target LIKE '%' || $1 || '%'`, [created.body.id]);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Appending to the log directly is allowed too (its id comes from a sequence): the log only grows.
    expect(await attempt(app, `INSERT INTO "AuditEntry" (action, status) VALUES ('probe', 200)`)).toBeUndefined();
  });

  it('gets the same rights on a table that a later migration adds, with nothing in the migration', async () => {
    const admin = await connect(inject('databaseAdminUrl'));
    try {
      const [owner, appRole] = [inject('databaseOwnerUrl'), inject('databaseUrl')].map((u) => new URL(u).username);
      const error = await attempt(admin,
        `SET ROLE ${owner}`, 'CREATE TABLE later_feature (id serial PRIMARY KEY, note text)',
        `SET ROLE ${appRole}`, `INSERT INTO later_feature (note) VALUES ('a')`, `UPDATE later_feature SET note = 'b'`,
        'SELECT * FROM later_feature', 'DELETE FROM later_feature');
      expect(error).toBeUndefined();
      expect((await attempt(admin, `SET ROLE ${owner}`, 'CREATE TABLE later_feature (id int)', `SET ROLE ${appRole}`, 'DROP TABLE later_feature'))?.message).toMatch(/must be owner/);
    } finally {
      await admin.end();
    }
  });

  it('keeps the append-only trigger for the owner itself', async () => {
    const owner = await connect(inject('databaseOwnerUrl'));
    try {
      expect((await attempt(owner, `UPDATE "AuditEntry" SET action = 'nothing happened'`))?.message).toMatch(/append-only/);
    } finally {
      await owner.end();
    }
  });
});

describe('the embedded PostgreSQL', () => {
  it("generates its data folder's passwords and keeps them readable by this user only", () => {
    const file = path.join(inject('runDir'), 'postgres-credentials.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(fs.readFileSync(file, 'utf8'));
    const passwords = [credentials.superuser, credentials.owner, credentials.app].map((r: { password: string }) => r.password);
    expect(new Set(passwords).size).toBe(3);
    for (const p of passwords) expect(p).toMatch(/^[\w-]{43}$/);
    expect(new URL(inject('databaseUrl')).password).toBe(credentials.app.password);
  });
});
