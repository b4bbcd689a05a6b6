// Starts the real services every test uses, once per run: an embedded PostgreSQL and a Temporal dev
// server, each on fresh data and free ports, and resolves the time-skipping test server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ConfigError } from '../../config/parse-env';
import { migrate } from '../../db/migrate';
import { createDb } from '../../db/client';
import { seedDemoCounty } from '../../prisma/seed';
import { startEmbeddedPostgres } from '../../stack/postgres';
import { resolveTemporalCli, resolveTestServer, startDevServer } from '../../stack/temporal';
import { loadTemporalConfig } from '../../temporal.config';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
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
      cli, dbFile: path.join(runDir, 'temporal.sqlite'), port: port!, uiPort: uiPort!, namespace: 'default',
    })),
  ]);
  await migrate(pg.url);
  const db = createDb(pg.url, 2);
  await seedDemoCounty(db);
  await db.$disconnect();

  project.provide('databaseUrl', pg.url);
  project.provide('temporalAddress', server.address);
  project.provide('testServerPath', testServerPath);
  project.provide('runDir', runDir);

  return async () => {
    await server.stop();
    await pg.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
}
