// The services jianjian needs, started on embedded defaults unless the environment points at real ones.
import path from 'node:path';
import type { AppConfig } from '../config/app';
import { CODEC_PATH } from '../api/temporal-codec/router';
import { runSetup, type SetupResult } from '../setup/run';
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
  setup: SetupResult;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/**
 * PostgreSQL (embedded, or DATABASE_URL) and Temporal (a dev server, or the configured one), brought
 * up to date by setup; with `demo`, the demo county is seeded too.
 */
export async function startServices(app: AppConfig, temporal: TemporalConfig, log: Log = console.log, opts: { demo?: boolean } = {}): Promise<Services> {
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
    let temporalAddress = temporal.address;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress) {
      const cli = await resolveTemporalCli(temporal, log);
      log('Starting the Temporal dev server…');
      const server = await startDevServer({
        cli, dbFile: path.join(app.DATA_DIR, 'temporal', 'temporal.sqlite'),
        port: temporal.server.port, uiPort: temporal.server.uiPort, namespace: temporal.namespace, log,
        codecEndpoint: `http://${app.HOST}:${app.PORT}${CODEC_PATH}`,
      });
      stops.push(server.stop);
      temporalAddress = server.address;
      temporalUiUrl = server.uiUrl;
    }
    const setup = await runSetup({ databaseUrl, databaseOwnerUrl, address: temporalAddress, temporal, demo: opts.demo });
    return { databaseUrl, databaseOwnerUrl, temporalAddress, temporalUiUrl, setup, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
