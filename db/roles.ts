// Two database roles: an owner that runs the migrations and owns every table, and the application's
// role that owns nothing and holds only the rights below, so a compromised API or worker cannot
// disable the audit log's trigger, replicate around it, drop it, or rewrite the log.
import crypto from 'node:crypto';
import pg from 'pg';

export interface RoleCredentials {
  name: string;
  password: string;
}

/** A password for a generated role: 32 random bytes, URL-safe so it fits a connection URL as is. */
export function generatePassword(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * As an administrator (a superuser, or a managed service's role-creating administrator): creates or
 * updates both roles and the database, owned by the owner role, which the application may only
 * connect to. Idempotent: `npm run setup` and the embedded PostgreSQL call it on every new data folder.
 */
export async function createDatabaseRoles(adminUrl: string, database: string, owner: RoleCredentials, app: RoleCredentials): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    for (const role of [owner, app]) {
      const exists = (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name])).rowCount;
      // NOINHERIT, no CREATEROLE/CREATEDB/superuser: the application gains nothing through membership.
      await admin.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${literal(role.password)}`);
    }
  });
  await createDatabaseFor(adminUrl, database, owner.name, app.name);
}

/** A database owned by `owner` that `app` may connect to (tests make one per file that needs its own). */
export async function createDatabaseFor(adminUrl: string, database: string, owner: string, app: string): Promise<void> {
  await withClient(adminUrl, async (admin) => {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
    await admin.query(`${exists ? `ALTER DATABASE ${ident(database)} OWNER TO` : `CREATE DATABASE ${ident(database)} OWNER`} ${ident(owner)}`);
    await admin.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(app)}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  // The public schema belongs to the owner, and only the owner creates objects in it.
  await withClient(url.toString(), async (db) => {
    await db.query(`ALTER SCHEMA public OWNER TO ${ident(owner)}`);
    await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  });
}

/** Tables the application only appends to and reads: the audit log. */
const APPEND_ONLY = ['AuditEntry'];
/** Tables of things that happened, whose rows the application may correct but never remove. */
const NEVER_DELETED = ['Case', 'CaseEvent', 'Notice', 'NoticeEvent', 'Notification', 'CalendarRevision'];
/** Tables that are none of the application's business. */
const PRIVATE = ['schema_migrations'];

/**
 * As the owner, after the migrations: the application may read and write rows of every table and use
 * the sequences, except for the narrower tables above. The default privileges give the same rights on
 * tables a later migration creates, even one applied by another tool, so migrations need no grants.
 */
export async function grantApplicationRights(owner: pg.Client, app: string): Promise<void> {
  const to = ident(app);
  const dml = 'SELECT, INSERT, UPDATE, DELETE';
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${dml} ON TABLES TO ${to}`);
  await owner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${to}`);
  await owner.query(`GRANT ${dml} ON ALL TABLES IN SCHEMA public TO ${to}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
  const existing = new Set((await owner.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t));
  const revoke = async (tables: string[], rights: string) => {
    for (const t of tables.filter((t) => existing.has(t))) await owner.query(`REVOKE ${rights} ON ${ident(t)} FROM ${to}`);
  };
  await revoke(APPEND_ONLY, 'UPDATE, DELETE, TRUNCATE');
  await revoke(NEVER_DELETED, 'DELETE, TRUNCATE');
  await revoke(PRIVATE, 'ALL');
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
