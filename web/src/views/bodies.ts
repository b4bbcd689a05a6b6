// The administrator's bodies page: the departments, higher bodies and 纪检监察 that cases are
// transferred or assigned to, each with the contact who receives them; add, change, retire.
import { BODY_KINDS } from '../../../domain/bodies';
import { get, request } from '../api';
import { attempt, notify, type PageContext } from '../app';
import { h } from '../dom';
import { errorSummary, field, newFormId, onSubmit, type Option } from '../forms';
import { label, t } from '../i18n';
import type { Body, BodyList } from '../types';

const kindOptions = (): Option[] => BODY_KINDS.map((k) => ({ value: k, text: label('bodyKind', k) }));

function createForm(refresh: () => Promise<void>): HTMLFormElement {
  const id = newFormId();
  const form = h('form', { class: 'card', id: 'body-create' },
    h('h2', {}, t('bodies.create')),
    errorSummary(),
    h('div', { class: 'grid' },
      field({ name: 'name', label: t('bodies.name'), required: true, maxLength: 200 }, id),
      field({ name: 'kind', label: t('bodies.kind'), type: 'select', required: true, options: kindOptions(), value: 'department' }, id),
      field({ name: 'contactName', label: t('bodies.contactName'), required: true, maxLength: 100 }, id),
      field({ name: 'contactPhone', label: t('bodies.contactPhone'), type: 'tel', maxLength: 20 }, id),
      field({ name: 'contactEmail', label: t('bodies.contactEmail'), type: 'email', maxLength: 200 }, id),
      field({ name: 'address', label: t('bodies.address'), maxLength: 300 }, id)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('bodies.create'))));
  onSubmit(form, async (v) => {
    const b = await request<Body>('POST', '/api/bodies', { body: v });
    notify(t('bodies.created', { name: b.name }));
    await refresh();
  });
  return form;
}

function row(b: Body, refresh: () => Promise<void>): HTMLElement {
  const toggle = () => attempt(async () => {
    await request('PATCH', `/api/bodies/${b.id}`, { body: { active: !b.active } });
    await refresh();
  });
  return h('tr', { 'data-body': b.name, class: b.active ? undefined : 'inactive' },
    h('td', {}, b.name), h('td', {}, label('bodyKind', b.kind)), h('td', {}, b.contactName),
    h('td', {}, b.contactPhone ?? '—'), h('td', {}, b.contactEmail ?? '—'),
    h('td', {}, b.active ? t('users.active') : t('users.inactive')),
    h('td', { class: 'row-actions' }, h('button', { type: 'button', class: 'link', onclick: () => void toggle() }, b.active ? t('bodies.retire') : t('users.activate'))));
}

export async function bodiesPage({ refresh }: PageContext): Promise<Node> {
  const list = await get<BodyList>('/api/bodies');
  return h('section', { class: 'bodies' },
    h('h1', {}, t('bodies.title')),
    h('p', { class: 'hint' }, t('bodies.intro')),
    createForm(refresh),
    h('table', { class: 'cases', id: 'body-list' },
      h('thead', {}, h('tr', {},
        h('th', {}, t('bodies.name')), h('th', {}, t('bodies.kind')), h('th', {}, t('bodies.contactName')),
        h('th', {}, t('bodies.contactPhone')), h('th', {}, t('bodies.contactEmail')), h('th', {}, t('users.status')), h('th', {}, ''))),
      h('tbody', {}, list.items.map((b) => row(b, refresh)))));
}
