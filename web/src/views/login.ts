import { login } from '../api';
import { go } from '../app';
import { h } from '../dom';
import { errorSummary, field, onSubmit } from '../forms';
import { t } from '../i18n';
import { homeOf } from '../nav';

export function loginPage(): Node {
  const form = h('form', { class: 'card narrow', id: 'login-form' },
    h('h1', {}, t('login.title')),
    errorSummary(),
    field({ name: 'username', label: t('login.username'), required: true, autocomplete: 'username' }, 'login'),
    field({ name: 'password', label: t('login.password'), type: 'password', required: true, autocomplete: 'current-password' }, 'login'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('login.submit'))),
    h('p', { class: 'hint' }, `${t('login.public')}: `, h('a', { href: '#/lookup' }, t('nav.lookup')), ' · ', h('a', { href: '#/notices' }, t('nav.notices'))));
  onSubmit(form, async (v) => {
    const user = await login(String(v.username ?? ''), String(v.password ?? ''));
    go(user.mustChangePassword ? '#/password' : homeOf(user));
  });
  queueMicrotask(() => form.querySelector('input')?.focus());
  return form;
}
