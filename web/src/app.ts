// The shell around every page: header with menu, language switch and user, then the page itself.
// Pages are addressed by the URL's hash, so a reload or a bookmark opens the same page.
import { ApiFailure, currentUser, logout, updateSessionUser, whenPasswordChangeRequired, whenUnauthorized, type User } from './api';
import { h, replace } from './dom';
import { apiMessage, label, locale, setLocale, t } from './i18n';
import { homeOf, menuFor } from './nav';

export interface PageContext {
  params: string[];
  query: URLSearchParams;
  user: User | undefined;
  /** Renders the current page again, e.g. after an action changed the case. */
  refresh(): Promise<void>;
}

export interface Page {
  pattern: RegExp;
  /** Open without logging in (the petitioner's pages and the login itself). */
  public?: boolean;
  render(ctx: PageContext): Promise<Node> | Node;
}

let flash: { message: string; error: boolean } | undefined;

/** A one-line notice shown at the top of the next page rendered. */
export function notify(message: string): void {
  flash = { message, error: false };
}

/**
 * For actions outside a form (a button in a table row, a download): a refusal is shown at the top
 * of the page, rendered again as it now stands.
 */
export async function attempt(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof ApiFailure)) throw e;
    flash = { message: t('common.error', { message: apiMessage(e.message) }), error: true };
    await renderPage();
  }
}

export function go(hash: string): void {
  if (location.hash === hash) void renderPage();
  else location.hash = hash;
}

let pages: Page[] = [];
const PASSWORD_PAGE = '/password';
const root = () => document.getElementById('app')!;

function header(user: User | undefined): HTMLElement {
  const current = location.hash.split('?')[0];
  const other = locale() === 'zh-CN' ? 'en' : 'zh-CN';
  return h('header', { class: 'top no-print' },
    h('a', { class: 'brand', href: user ? homeOf(user) : '#/lookup' }, h('strong', {}, t('app.title')), h('span', {}, t('app.subtitle'))),
    h('nav', { 'aria-label': t('nav.menu') },
      (user ? menuFor(user) : []).map((n) => h('a', { href: n.href, 'aria-current': current === n.href ? 'page' : undefined }, t(n.key))),
      user ? null : [h('a', { href: '#/lookup' }, t('nav.lookup')), h('a', { href: '#/notices' }, t('nav.notices')), h('a', { href: '#/login' }, t('nav.login'))]),
    h('div', { class: 'who' },
      h('button', { type: 'button', class: 'link', id: 'lang', lang: other, onclick: () => { setLocale(other); void renderPage(); } }, t('app.language')),
      user ? [
        h('span', { class: 'user' }, `${user.displayName} · ${label('role', user.role)}`),
        h('a', { href: `#${PASSWORD_PAGE}` }, t('password.title')),
        h('button', { type: 'button', class: 'link', onclick: async () => { await logout(); go('#/login'); } }, t('app.logout')),
      ] : null));
}

function errorView(e: unknown): HTMLElement {
  if (e instanceof ApiFailure && (e.status === 404 || e.status === 403)) return h('p', { class: 'notice error' }, t('common.notFound'));
  const message = e instanceof Error ? apiMessage(e.message) : String(e);
  return h('p', { class: 'notice error' }, t('common.error', { message }));
}

let renderCount = 0;

export async function renderPage(): Promise<void> {
  const ticket = ++renderCount;
  const [path = '', search = ''] = location.hash.replace(/^#/, '').split('?');
  const user = currentUser();
  const page = pages.find((p) => p.pattern.test(path));
  if (!page) { go(user ? homeOf(user) : '#/login'); return; }
  if (!page.public && !user) { go('#/login'); return; }
  if (user?.mustChangePassword && !page.public && path !== PASSWORD_PAGE) { go(`#${PASSWORD_PAGE}`); return; }
  const main = h('main', { id: 'main', tabindex: '-1' }, h('p', { class: 'loading' }, t('app.loading')));
  const shown = flash;
  flash = undefined;
  replace(root(), header(user), shown ? h('div', { class: `flash no-print${shown.error ? ' error' : ''}`, role: shown.error ? 'alert' : 'status' }, shown.message) : null, main);
  document.documentElement.lang = locale();
  const ctx: PageContext = { params: page.pattern.exec(path)!.slice(1), query: new URLSearchParams(search), user, refresh: renderPage };
  let content: Node;
  try {
    content = await page.render(ctx);
  } catch (e) {
    content = errorView(e);
  }
  // A newer navigation has started meanwhile: its page wins.
  if (ticket !== renderCount) return;
  replace(main, content);
  main.setAttribute('aria-busy', 'false');
  const heading = main.querySelector('h1');
  document.title = `${heading?.textContent ?? t('app.subtitle')} · ${t('app.title')}`;
}

export function start(routes: Page[]): void {
  pages = routes;
  whenUnauthorized(() => go('#/login'));
  whenPasswordChangeRequired(() => { updateSessionUser({ mustChangePassword: true }); go(`#${PASSWORD_PAGE}`); });
  window.addEventListener('hashchange', () => void renderPage());
  void renderPage();
}
