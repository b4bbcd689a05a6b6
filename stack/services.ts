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
  databaseUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** PostgreSQL (embedded, or DATABASE_URL) migrated and seeded, and Temporal (dev server, or TEMPORAL_ADDRESS). */
export async function startServices(app: AppConfig, temporal: TemporalConfig, log: Log = console.log): Promise<Services> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => { for (const s of stops.reverse()) await s().catch((e) => log(`stop failed: ${e}`)); };
  try {
    let databaseUrl = app.DATABASE_URL;
    if (!databaseUrl) {
      log(`Starting embedded PostgreSQL (data in ${path.join(app.DATA_DIR, 'postgres')})…`);
      const pg = await startEmbeddedPostgres(path.join(app.DATA_DIR, 'postgres'), app.PG_PORT);
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    const applied = await migrate(databaseUrl);
    if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
    const db = createDb(databaseUrl, 2);
    await seedDemoCounty(db, { users: app.mode === 'demo' });
    await db.$disconnect();

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
    return { databaseUrl, temporalAddress, temporalUiUrl, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
