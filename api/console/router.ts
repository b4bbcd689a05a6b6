// Serves the web console at `/`: its page, its stylesheet, and its script, read from the build
// (`npm run build`) or, from the sources, bundled in memory when the app starts, so `npm start`
// needs no build step.
import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import { BUILD_DIR, BUILT } from '../../config/paths';
import { bundleConsole, WEB_DIR } from './bundle';

export const CONSOLE_SCRIPT = path.join(BUILD_DIR, 'web', 'app.js');

// The console loads nothing from elsewhere and runs no inline script.
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function consoleRouter(): express.Router {
  const script = BUILT ? fs.readFile(CONSOLE_SCRIPT, 'utf8') : bundleConsole();
  // Started at once so the first page load does not wait; a failure surfaces on the request.
  script.catch((e: unknown) => console.error('[console] no script', e));

  const router = express.Router();
  router.use((_req, res, next) => { res.set(SECURITY_HEADERS); next(); });
  router.get('/', (_req, res) => { res.sendFile(path.join(WEB_DIR, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }); });
  router.get('/assets/app.js', async (_req, res) => {
    res.type('text/javascript').set('Cache-Control', 'no-cache').send(await script);
  });
  router.use('/assets', express.static(path.join(WEB_DIR, 'assets'), { cacheControl: true, maxAge: 0, fallthrough: false }));
  return router;
}
