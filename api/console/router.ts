// Serves the web console at `/`: its page, its stylesheet, and its script, bundled from `web/src`
// in memory by esbuild when the app starts, so `npm start` needs no build step.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import express from 'express';

const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));

// The console loads nothing from elsewhere and runs no inline script.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(WEB_DIR, 'src', 'main.ts')],
    bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, legalComments: 'none',
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

export function consoleRouter(): express.Router {
  const script = bundle();
  // Started at once so the first page load does not wait; a failure surfaces on the request.
  script.catch((e: unknown) => console.error('[console] bundling failed', e));

  const router = express.Router();
  router.use((_req, res, next) => { res.set(SECURITY_HEADERS); next(); });
  router.get('/', (_req, res) => { res.sendFile(path.join(WEB_DIR, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }); });
  router.get('/assets/app.js', async (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(await script);
  });
  router.use('/assets', express.static(path.join(WEB_DIR, 'assets'), { cacheControl: true, maxAge: 0, fallthrough: false }));
  return router;
}
