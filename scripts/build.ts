// `npm run build`: the compiled installation. Production processes run `node` on it, with no tsx and
// nothing bundled at start:
//   build/api/main.js, build/worker/main.js    the API and the worker, as JavaScript
//   build/scripts/setup.js, build/scripts/start.js   setup, and everything on one server
//   build/web/app.js                                                 the console's script
//   build/workflows.js                                               the worker's workflow bundle
// Packages stay in node_modules (`npm prune --omit=dev` leaves what these need).
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { build } from 'esbuild';
import { bundleConsole } from '../api/console/bundle';
import { CONSOLE_SCRIPT } from '../api/console/router';
import { APP_ROOT, BUILD_DIR } from '../config/paths';
import { quietBundlerLogger, WORKFLOW_BUNDLE, WORKFLOWS_PATH } from '../worker/worker';

const ENTRY_POINTS = ['api/main.ts', 'worker/main.ts', 'scripts/setup.ts', 'scripts/start.ts'];

const started = Date.now();
fs.rmSync(BUILD_DIR, { recursive: true, force: true });
await build({
  entryPoints: ENTRY_POINTS.map((e) => path.join(APP_ROOT, e)),
  outbase: APP_ROOT, outdir: BUILD_DIR,
  bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', sourcemap: true,
  // config/paths.ts reads this: the built processes load the prebuilt bundles below.
  define: { 'process.env.JIANJIAN_BUILD': '"true"' },
  logLevel: 'warning',
});
fs.mkdirSync(path.dirname(CONSOLE_SCRIPT), { recursive: true });
fs.writeFileSync(CONSOLE_SCRIPT, await bundleConsole());
const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
fs.writeFileSync(WORKFLOW_BUNDLE, code);
console.log(`Built ${[...ENTRY_POINTS.map((e) => `build/${e.replace(/\.ts$/, '.js')}`), 'build/web/app.js', 'build/workflows.js'].join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
