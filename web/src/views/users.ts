// The administrator's accounts page: who may log in, with which role and township; create an
// account, change its role, deactivate it, reset its password, lift a lockout.
import { ROLES, isTownshipScoped } from '../../../domain/roles';
import { get, request } from '../api';
import { attempt, notify, type PageContext } from '../app';
import { h, replace, type Child } from '../dom';
import { errorSummary, field, newFormId, onSubmit, type Option } from '../forms';
import { dateTime } from '../format';
import { label, t } from '../i18n';
import type { Account, AccountList } from '../types';
import { townshipOptions } from './townships';

const roleOptions = (): Option[] => ROLES.map((r) => ({ value: r, text: label('role', r) }));

function status(a: Account): string {
  const parts = [a.active ? t('users.active') : t('users.inactive')];
  if (a.lockedUntil && new Date(a.lockedUntil) > new Date()) parts.push(t('users.locked', { until: dateTime(a.lockedUntil) }));
  if (a.mustChangePassword) parts.push(t('users.mustChange'));
  return parts.join(' · ');
}

/** Township roles need a township, county roles must have none: the form sends it only when it applies. */
function townshipFollowsRole(form: HTMLFormElement): void {
  const role = form.querySelector<HTMLSelectElement>('[name=role]')!;
  const town = form.querySelector<HTMLSelectElement>('[name=townshipCode]')!;
  const sync = () => { town.disabled = !isTownshipScoped(role.value as (typeof ROLES)[number]); };
  role.addEventListener('change', sync);
  sync();
}

async function createForm(refresh: () => Promise<void>): Promise<HTMLFormElement> {
  const id = newFormId();
  const towns = await townshipOptions();
  const form = h('form', { class: 'card', id: 'user-create' },
    h('h2', {}, t('users.create')),
    errorSummary(),
    h('div', { class: 'grid' },
      field({ name: 'username', label: t('login.username'), required: true, maxLength: 32 }, id),
      field({ name: 'displayName', label: t('users.displayName'), required: true, maxLength: 100 }, id),
      field({ name: 'role', label: t('users.role'), type: 'select', required: true, options: roleOptions(), value: 'desk' }, id),
      field({ name: 'townshipCode', label: t('field.township'), type: 'select', options: towns }, id),
      field({ name: 'email', label: t('users.email'), maxLength: 200 }, id),
      field({ name: 'password', label: t('users.firstPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password.rule') }, id)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('users.create'))));
  townshipFollowsRole(form);
  onSubmit(form, async (v) => {
    const a = await request<Account>('POST', '/api/users', { body: v });
    notify(t('users.created', { name: a.username }));
    await refresh();
  });
  return form;
}

/** The buttons of one account's row; the password reset opens a small form in the row below. */
function rowActions(a: Account, detail: HTMLElement, refresh: () => Promise<void>): Child[] {
  const act = (path: string, body?: unknown) => attempt(async () => {
    await request(path.endsWith('unlock') ? 'POST' : 'PATCH', path, { body });
    await refresh();
  });
  const resetForm = () => {
    const form = h('form', { class: 'inline-form' }, errorSummary(),
      field({ name: 'password', label: t('users.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password.rule') }, newFormId()),
      h('button', { type: 'submit', class: 'primary' }, t('users.resetPassword')));
    onSubmit(form, async (v) => {
      await request('POST', `/api/users/${a.id}/password`, { body: v });
      notify(t('users.passwordReset', { name: a.username }));
      await refresh();
    });
    replace(detail, form);
    form.querySelector('input')?.focus();
  };
  const locked = a.lockedUntil !== null && new Date(a.lockedUntil) > new Date();
  return [
    h('button', { type: 'button', class: 'link', 'data-user-action': 'active', onclick: () => void act(`/api/users/${a.id}`, { active: !a.active }) },
      a.active ? t('users.deactivate') : t('users.activate')),
    h('button', { type: 'button', class: 'link', 'data-user-action': 'password', onclick: resetForm }, t('users.resetPassword')),
    locked ? h('button', { type: 'button', class: 'link', 'data-user-action': 'unlock', onclick: () => void act(`/api/users/${a.id}/unlock`) }, t('users.unlock')) : null,
  ];
}

export async function usersPage({ refresh }: PageContext): Promise<Node> {
  const [list, towns] = await Promise.all([get<AccountList>('/api/users?pageSize=200'), townshipOptions()]);
  const townName = new Map(towns.map((o) => [o.value, o.text]));
  return h('section', { class: 'users' },
    h('h1', {}, t('users.title')),
    await createForm(refresh),
    h('table', { class: 'cases', id: 'user-list' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('login.username')), h('th', {}, t('users.displayName')), h('th', {}, t('users.role')),
        h('th', {}, t('field.township')), h('th', {}, t('users.status')), h('th', {}, ''))),
      h('tbody', {}, list.items.flatMap((a) => {
        const detail = h('td', { colspan: 6 });
        return [
          h('tr', { 'data-username': a.username, class: a.active ? undefined : 'inactive' },
            h('td', {}, a.username), h('td', {}, a.displayName), h('td', {}, label('role', a.role)),
            h('td', {}, a.townshipCode ? townName.get(a.townshipCode) ?? a.townshipCode : '—'),
            h('td', {}, status(a)),
            h('td', { class: 'row-actions' }, rowActions(a, detail, refresh))),
          h('tr', { class: 'detail' }, detail),
        ];
      }))));
}
