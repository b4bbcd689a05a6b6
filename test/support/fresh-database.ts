// A database of its own on the test run's PostgreSQL, migrated and seeded: for tests whose figures
// are county-wide (the weekly report, the demo county) and must not count other files' cases.
import crypto from 'node:crypto';
import { inject } from 'vitest';
import { createDatabaseFor } from '../../db/roles';
import { prepareDatabase } from '../../stack/services';

/** Answers the application role's URL of the new database, as `inject('databaseUrl')` is the shared one's. */
export async function freshDatabase(): Promise<string> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const [app, owner] = [inject('databaseUrl'), inject('databaseOwnerUrl')].map((u) => Object.assign(new URL(u), { pathname: `/${name}` }));
  await createDatabaseFor(inject('databaseAdminUrl'), name, owner!.username, app!.username);
  await prepareDatabase(owner!.toString(), app!.toString());
  return app!.toString();
}
