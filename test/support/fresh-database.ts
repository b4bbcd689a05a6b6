// A database of its own on the test run's PostgreSQL, migrated and seeded: for tests whose figures
// are county-wide (the weekly report, the demo county) and must not count other files' cases.
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { seedDemoCounty } from '../../prisma/seed';

export async function freshDatabase(): Promise<string> {
  const url = await emptyDatabase();
  await migrate(url);
  const db = createDb(url, 2);
  await seedDemoCounty(db);
  await db.$disconnect();
  return url;
}

/** A database of its own with nothing in it, not even the schema: a county's new installation. */
export async function emptyDatabase(): Promise<string> {
  const base = inject('databaseUrl');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
