// `npm run setup`, the one command that brings an installation up to date: the database schema, the
// weekly report's Schedule, and the first administrator when there is none. Every step is idempotent:
// `npm start` and every upgrade run it again, and a second run changes nothing.
import { connectClient } from '../temporal.connection';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { seedDemoCounty } from '../prisma/seed';
import type { TemporalConfig } from '../temporal.config';
import { ensureFirstAdmin } from './first-admin';
import { ensureWeeklyReportSchedule } from './weekly-report-schedule';

export interface SetupResult {
  migrations: string[];
  schedule: Awaited<ReturnType<typeof ensureWeeklyReportSchedule>>;
  /** Shown once: only its hash is kept. */
  firstAdmin?: { username: string; password: string };
}

export async function runSetup(opts: DatabaseSetup & { address: string; temporal: TemporalConfig }): Promise<SetupResult> {
  const { migrations, firstAdmin } = await setupDatabase(opts);
  const temporal = await connectClient(opts.temporal, opts.address);
  try {
    const schedule = await ensureWeeklyReportSchedule(temporal.client, opts.temporal);
    return { migrations, schedule, firstAdmin };
  } finally {
    await temporal.close();
  }
}

export interface DatabaseSetup {
  /** The application's role (docs/database-roles.md). */
  databaseUrl: string;
  /** The role that owns the tables; `databaseUrl` when not given. */
  databaseOwnerUrl?: string;
  /** `npm start`'s demo county (its townships and demo logins); never for a county's installation. */
  demo?: boolean;
}

/** The database's part of setup, done as the owner role: migrations, the application role's rights, the accounts. */
export async function setupDatabase(opts: DatabaseSetup): Promise<Pick<SetupResult, 'migrations' | 'firstAdmin'>> {
  const ownerUrl = opts.databaseOwnerUrl ?? opts.databaseUrl;
  const migrations = await migrate(ownerUrl, opts.databaseUrl);
  const db = createDb(ownerUrl, 2);
  try {
    if (opts.demo) await seedDemoCounty(db);
    return { migrations, firstAdmin: await ensureFirstAdmin(db) };
  } finally {
    await db.$disconnect();
  }
}

/** What setup did, for the terminal; the first administrator's password appears here and nowhere else. */
export function describeSetup(r: SetupResult): string {
  const lines = [
    r.migrations.length ? `Database: applied ${r.migrations.length} migration(s): ${r.migrations.join(', ')}` : 'Database: up to date',
    `Weekly report Schedule: ${r.schedule}`,
  ];
  if (r.firstAdmin) {
    lines.push(
      '',
      'First administrator created (shown this once; it must be changed at the first login):',
      `  username  ${r.firstAdmin.username}`,
      `  password  ${r.firstAdmin.password}`,
    );
  }
  return lines.join('\n');
}
