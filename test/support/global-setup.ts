// Starts the real services every test uses, once per run: an embedded PostgreSQL and a Temporal dev
// server, each on fresh data and free ports, and resolves the time-skipping test server.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ConfigError } from '../../config/parse-env';
import { startEmbeddedPostgres } from '../../stack/postgres';
import { setupDatabase } from '../../setup/run';
import { resolveTemporalCli, resolveTestServer, startDevServer } from '../../stack/temporal';
import { loadTemporalConfig } from '../../temporal.config';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The application's role: every test runs as it, as the API and worker do. */
    databaseUrl: string;
    /** The role that owns the tables, and the superuser. */
    databaseOwnerUrl: string;
    databaseAdminUrl: string;
    /** The payload codec's key for the run (TEMPORAL_PAYLOAD_KEYS), as a configured server requires one. */
    payloadKeys: string;
    temporalAddress: string;
    /** The dev server's Web UI, behind its guard. */
    temporalUiUrl: string;
    testServerPath: string;
    runDir: string;
  }
}

export default async function setup(project: TestProject) {
  try {
    return await startRun(project);
  } catch (e) {
    // A machine the suite cannot run on (as root, a clone the postgres user cannot reach): the one sentence saying what to do.
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
}

async function startRun(project: TestProject) {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianjian-test-'));
  fs.chmodSync(runDir, 0o755);
  const temporal = loadTemporalConfig({ ...process.env, TEMPORAL_ADDRESS: undefined });
  const [cli, testServerPath] = await Promise.all([resolveTemporalCli(temporal), resolveTestServer(temporal)]);
  const [pg, server] = await Promise.all([
    freePort().then((port) => startEmbeddedPostgres(path.join(runDir, 'postgres'), port)),
    Promise.all([freePort(), freePort()]).then(([port, uiPort]) => startDevServer({
      cli, dbFile: path.join(runDir, 'temporal', 'temporal.sqlite'), port: port!, uiPort: uiPort!, namespace: 'default',
    })),
  ]);
  await setupDatabase({ databaseUrl: pg.url, databaseOwnerUrl: pg.ownerUrl, demo: true });

  project.provide('databaseUrl', pg.url);
  project.provide('databaseOwnerUrl', pg.ownerUrl);
  project.provide('databaseAdminUrl', pg.adminUrl);
  project.provide('temporalAddress', server.address);
  project.provide('temporalUiUrl', server.uiUrl);
  project.provide('testServerPath', testServerPath);
  project.provide('runDir', runDir);
  project.provide('payloadKeys', `test=${crypto.randomBytes(32).toString('base64')}`);

  return async () => {
    await server.stop();
    await pg.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
