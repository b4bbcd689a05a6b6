// The services jianjian needs, started on embedded defaults unless the environment points at real ones.
import path from 'node:path';
import type { AppConfig } from '../config/app';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { seedDemoCounty } from '../prisma/seed';
import type { TemporalConfig } from '../temporal.config';
import { startEmbeddedPostgres } from './postgres';
import { resolveTemporalCli, startDevServer } from './temporal';

export interface Services {
  /** The application's role. */
  databaseUrl: string;
  /** The owner role, for migrations and maintenance. */
  databaseOwnerUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** Migrates as the owner role, gives the application's role its rights, and seeds the demo county. */
export async function prepareDatabase(ownerUrl: string, appUrl: string, log: Log = () => undefined): Promise<void> {
  const applied = await migrate(ownerUrl, appUrl);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  const db = createDb(ownerUrl, 2);
  try {
    await seedDemoCounty(db);
  } finally {
    await db.$disconnect();
  }
}

/** PostgreSQL (embedded, or DATABASE_URL) migrated and seeded, and Temporal (dev server, or TEMPORAL_ADDRESS). */
export async function startServices(app: AppConfig, temporal: TemporalConfig, log: Log = console.log): Promise<Services> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => { for (const s of stops.reverse()) await s().catch((e) => log(`stop failed: ${e}`)); };
  try {
    let databaseUrl = app.DATABASE_URL;
    let databaseOwnerUrl = app.DATABASE_OWNER_URL ?? databaseUrl;
    if (!databaseUrl || !databaseOwnerUrl) {
      log(`Starting embedded PostgreSQL (data in ${path.join(app.DATA_DIR, 'postgres')})…`);
      const pg = await startEmbeddedPostgres(path.join(app.DATA_DIR, 'postgres'), app.PG_PORT);
      stops.push(pg.stop);
      databaseUrl = pg.url;
      databaseOwnerUrl = pg.ownerUrl;
    }
    await prepareDatabase(databaseOwnerUrl, databaseUrl, log);

    let temporalAddress = temporal.address;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const cli = await resolveTemporalCli(temporal, log);
      log('Starting the Temporal dev server…');
      const server = await startDevServer({
        cli, dbFile: path.join(app.DATA_DIR, 'temporal', 'temporal.sqlite'),
        port: temporal.server.port, uiPort: temporal.server.uiPort, namespace: temporal.namespace, log,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }
    return { databaseUrl, databaseOwnerUrl, temporalAddress, temporalUiUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
