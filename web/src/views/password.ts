// Changing one's own password; required before anything else when an administrator set it.
import { post, updateSessionUser, type User } from '../api';
import { go, notify, type PageContext } from '../app';
import { h } from '../dom';
import { errorSummary, field, onSubmit, showErrors } from '../forms';
import { t } from '../i18n';
import { homeOf } from '../nav';

export function passwordPage({ user }: PageContext): Node {
  const form = h('form', { class: 'card narrow', id: 'password-form' },
    h('h1', {}, t('password.title')),
    user?.mustChangePassword ? h('p', { class: 'notice' }, t('password.required')) : null,
    errorSummary(),
    field({ name: 'currentPassword', label: t('password.current'), type: 'password', required: true, autocomplete: 'current-password' }, 'pw'),
    field({ name: 'newPassword', label: t('password.new'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password.rule') }, 'pw'),
    field({ name: 'confirm', label: t('password.confirm'), type: 'password', required: true, autocomplete: 'new-password' }, 'pw'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))));
  onSubmit(form, async (v) => {
    // A typing slip is caught here, before the server judges the password.
    if (v.newPassword !== v.confirm) {
      showErrors(form, t('common.formErrors'), [{ field: 'confirm', message: t('password.mismatch') }]);
      return;
    }
    await post('/api/auth/password', { currentPassword: v.currentPassword ?? '', newPassword: v.newPassword ?? '' });
    const changed: Partial<User> = { mustChangePassword: false };
    const me = updateSessionUser(changed);
    notify(t('password.changed'));
    go(me ? homeOf(me) : '#/login');
  });
  return form;
}
