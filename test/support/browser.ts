// Debian's Chromium driven by playwright-core, for the web console's tests. Screenshots go to
// test-artifacts/screens (gitignored), kept after the run for people to look at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const SCREENS_DIR = path.resolve('test-artifacts', 'screens');

/** Script errors in any console tab; tests expect none. */
export const pageErrors: Error[] = [];

export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A fresh tab at an office screen's size, in the county's time zone, on the console's start page. */
export async function openConsole(browser: Browser, url: string, opts: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 }, locale: opts.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => { pageErrors.push(e); });
  await page.goto(url);
  return page;
}

export async function loginAs(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await openConsole(browser, `${url}/#/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', DEMO_PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('header .user');
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}
