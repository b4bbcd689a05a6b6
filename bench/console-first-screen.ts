// How fast the web console's first screens are usable, measured in Chromium against a running
// system (`npm start`): page load to the login form, login to the desk's intake form, a case page, and
// login to the manager's overdue board.
// Usage: npx tsx bench/console-first-screen.ts [url] [runs]
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../prisma/seed';

const url = process.argv[2] ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] ?? 10);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
const samples: Record<string, number[]> = { 'load → login form': [], 'login → intake form': [], 'open a case page': [], 'login → overdue board': [] };

async function timed(name: string, fn: () => Promise<unknown>): Promise<void> {
  const t0 = performance.now();
  await fn();
  samples[name]!.push(performance.now() - t0);
}

/** Logs in on the open login form and waits for the user's home page. */
async function login(page: Page, username: string, home: string): Promise<void> {
  await page.fill('#login-username', username);
  await page.fill('#login-password', DEMO_PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector(home);
}

for (let i = 0; i < runs; i++) {
  // A new context each run: an empty cache, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await timed('load → login form', async () => { await page.goto(`${url}/#/login`); await page.waitForSelector('#login-form input'); });
  await timed('login → intake form', () => login(page, 'desk', '#intake-form'));
  await page.goto(`${url}/#/cases`);
  const first = await page.waitForSelector('table.cases a', { timeout: 10_000 }).catch(() => null);
  if (first) await timed('open a case page', async () => { await first.click(); await page.waitForSelector('#timeline'); });
  await context.close();
  const managerContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const managerPage = await managerContext.newPage();
  await managerPage.goto(`${url}/#/login`);
  await managerPage.waitForSelector('#login-form input');
  await timed('login → overdue board', () => login(managerPage, 'manager', '.dashboard'));
  await managerContext.close();
}
await browser.close();

const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`${runs} runs against ${url}`);
for (const [name, xs] of Object.entries(samples)) {
  if (xs.length === 0) { console.log(`${name}: no case to open`); continue; }
  const sorted = [...xs].sort((a, b) => a - b);
  console.log(`${name}: median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted.at(-1)!)}`);
}
