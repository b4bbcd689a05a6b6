// The console's script: web/src bundled by esbuild. `npm run build` writes it to the build folder;
// from the sources (`npm start`, tests) the API bundles it in memory at start instead.
import path from 'node:path';
import { APP_ROOT } from '../../config/paths';

export const WEB_DIR = path.join(APP_ROOT, 'web');

export async function bundleConsole(): Promise<string> {
  // Loaded only here: esbuild is a development tool, absent from a production installation.
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [path.join(WEB_DIR, 'src', 'main.ts')],
    bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, legalComments: 'none',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}
