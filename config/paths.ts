// Where jianjian's own files are, whether it runs from the TypeScript sources (tsx) or from the
// compiled build (`npm run build`, then `node build/…`): both live in the folder of package.json.
import fs from 'node:fs';
import path from 'node:path';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${from}`);
  }
}

export const APP_ROOT = packageRoot(import.meta.dirname);

/** `npm run build`'s output: the processes' JavaScript, the console's bundle, the workflow bundle. */
export const BUILD_DIR = path.join(APP_ROOT, 'build');

/** True in the compiled build, whose bundler sets this variable: nothing is bundled at start then. */
export const BUILT = process.env.JIANJIAN_BUILD === 'true';
