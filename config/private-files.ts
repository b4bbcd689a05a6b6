// Files the application writes (attached files, mail, the Temporal dev server's database) hold
// petitioners' personal data: readable by the service's own user only, whatever the umask.
import fs from 'node:fs';

/** Creates `dir` (and missing parents) and makes it 0700, also when it already existed with looser modes. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Makes each existing file 0600; ones that do not exist are skipped. */
export function privateFiles(...files: string[]): void {
  for (const f of files) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}
