import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { APP_ROOT } from '../config/paths';
import { grantApplicationRights } from './roles';

const MIGRATIONS_DIR = path.join(APP_ROOT, 'prisma', 'migrations');

/**
 * Applies the SQL migrations that `prisma migrate diff` authored, in order, each once.
 * Prisma's own `migrate deploy` does the same through its WebAssembly engine but takes seconds per
 * start; this keeps start-up and test set-up fast. A lock serialises concurrent starters.
 * `ownerUrl` connects as the role that owns the tables; the role of `appUrl` (the application's,
 * when it is another) is then given its rights (db/roles.ts).
 */
export async function migrate(ownerUrl: string, appUrl?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7419001)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const pending = fs.readdirSync(MIGRATIONS_DIR)
      .filter((d) => fs.existsSync(path.join(MIGRATIONS_DIR, d, 'migration.sql')) && !done.has(d))
      .sort();
    for (const name of pending) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
    }
    const app = appUrl && decodeURIComponent(new URL(appUrl).username);
    if (app && app !== client.user) await grantApplicationRights(client, app);
    return pending;
  } finally {
    await client.query('SELECT pg_advisory_unlock(7419001)').catch(() => undefined);
    await client.end();
  }
}
