// A database of its own on the test run's PostgreSQL, migrated and seeded: for tests whose figures
// are county-wide (the weekly report, the demo county) and must not count other files' cases.
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { createDatabaseFor } from '../../db/roles';
import { setupDatabase } from '../../setup/run';

/** Answers the application role's URL of the new database, as `inject('databaseUrl')` is the shared one's. */
export async function freshDatabase(): Promise<string> {
  const { DATABASE_URL, DATABASE_OWNER_URL } = await emptyDatabase();
  await setupDatabase({ databaseUrl: DATABASE_URL, databaseOwnerUrl: DATABASE_OWNER_URL, demo: true });
  return DATABASE_URL;
}

/**
 * A database of its own with nothing in it, not even the schema: a county's new installation, with
 * its two roles' URLs (the test run's owner and application roles).
 */
export async function emptyDatabase(): Promise<{ DATABASE_URL: string; DATABASE_OWNER_URL: string }> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const [app, owner] = [inject('databaseUrl'), inject('databaseOwnerUrl')].map((u) => Object.assign(new URL(u), { pathname: `/${name}` }));
  await createDatabaseFor(inject('databaseAdminUrl'), name, owner!.username, app!.username);
  return { DATABASE_URL: app!.toString(), DATABASE_OWNER_URL: owner!.toString() };
}
