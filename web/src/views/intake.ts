// The desk's intake form: every registration field, a warning when a similar case is open, and
// on success the printable acknowledgement.
import { CATEGORIES, CHANNELS, KINDS, SOURCE_LEVELS } from '../../../domain/case';
import { get, post } from '../api';
import { attempt, go } from '../app';
import { h, replace } from '../dom';
import { errorSummary, field, newFormId, onSubmit, readForm, type Option } from '../forms';
import { date, localInputValue } from '../format';
import { label, t } from '../i18n';
import type { CaseDetail, SimilarList, Village } from '../types';
import { townshipOptions } from './townships';

const options = (values: readonly string[], group: string): Option[] => values.map((v) => ({ value: v, text: label(group, v) }));
const blank = (text = '—'): Option => ({ value: '', text });

function similarWarning(list: SimilarList): Node[] {
  if (list.items.length === 0) return [];
  return [
    h('h2', {}, t('intake.similarTitle')),
    h('p', {}, t('intake.similarHint')),
    h('ul', {}, list.items.map((c) => h('li', {},
      h('a', { href: `#/cases/${c.id}`, target: '_blank', rel: 'noopener' }, c.caseNo), ` ${c.subject} · ${c.township.name} · ${label('stage', c.stage)} `,
      h('span', { class: 'reasons' }, `（${c.reasons.map((r) => label('reason', r)).join('、')}）`),
      c.finalAt ? h('strong', { class: 'final' }, ` ${t('intake.final', { date: date(c.finalAt) })}`) : null))),
  ];
}

/** The village list follows the chosen township: the county's registered villages of that township. */
function followTownship(form: HTMLFormElement): void {
  const township = form.querySelector<HTMLSelectElement>('[name=township]')!;
  const village = form.querySelector<HTMLSelectElement>('[name=villageCode]')!;
  township.addEventListener('change', () => void attempt(async () => {
    const villages = township.value ? await get<Village[]>(`/api/villages?township=${encodeURIComponent(township.value)}`) : [];
    replace(village, ...[blank(), ...villages.map((v) => ({ value: v.code, text: v.name }))].map((o) => h('option', { value: o.value }, o.text)));
  }));
}

export async function intakePage(): Promise<Node> {
  const id = newFormId();
  const towns = await townshipOptions();
  // One key per form: a double click or a retry after a lost answer registers the case once.
  let idempotencyKey = crypto.randomUUID();
  const f = (spec: Parameters<typeof field>[0]) => field(spec, id);

  const petitioner = h('fieldset', { id: `${id}-petitioner` },
    h('legend', {}, t('intake.petitioner')),
    h('div', { class: 'grid' },
      f({ name: 'petitioner.name', label: t('field.petitioner.name'), required: true, maxLength: 100 }),
      f({ name: 'petitioner.phone', label: t('field.petitioner.phone'), type: 'tel', maxLength: 20 }),
      f({ name: 'petitioner.idNumber', label: t('field.petitioner.idNumber'), maxLength: 18 }),
      f({ name: 'petitioner.address', label: t('field.petitioner.address'), maxLength: 300 }),
      f({ name: 'petitioner.email', label: t('field.petitioner.email'), type: 'email', maxLength: 200, hint: t('field.petitioner.emailHint') })),
    h('div', { class: 'field-error', 'data-error-for': 'petitioner' }));

  const similar = h('aside', { class: 'similar', role: 'status', 'aria-live': 'polite', hidden: true });
  const form = h('form', { class: 'card intake', id: 'intake-form' },
    h('h1', {}, t('intake.title')),
    errorSummary(),
    h('fieldset', {},
      h('legend', {}, t('intake.petition')),
      h('div', { class: 'grid' },
        f({ name: 'channel', label: t('field.channel'), type: 'select', options: options(CHANNELS, 'channel'), required: true }),
        f({ name: 'kind', label: t('field.kind'), type: 'select', options: options(KINDS, 'kind'), value: 'complaint', required: true }),
        f({ name: 'category', label: t('field.category'), type: 'select', options: options(CATEGORIES, 'category'), required: true }),
        f({ name: 'receivedAt', label: t('field.receivedAt'), type: 'datetime', value: localInputValue(), required: true }),
        f({ name: 'township', label: t('field.township'), type: 'select', options: [blank(), ...towns], required: true }),
        f({ name: 'villageCode', label: t('field.villageCode'), type: 'select', options: [blank()] }),
        f({ name: 'village', label: t('field.villageText'), maxLength: 100 }),
        f({ name: 'subject', label: t('field.subject'), required: true, maxLength: 200, wide: true }),
        f({ name: 'facts', label: t('field.facts'), type: 'textarea', rows: 5, required: true, wide: true }),
        f({ name: 'request', label: t('field.request'), type: 'textarea', rows: 3, required: true, wide: true }))),
    similar,
    h('fieldset', {},
      h('legend', {}, t('intake.source')),
      h('div', { class: 'grid' },
        f({ name: 'source.level', label: t('field.source.level'), type: 'select', options: [blank(), ...options(SOURCE_LEVELS, 'sourceLevel')] }),
        f({ name: 'source.body', label: t('field.source.body'), maxLength: 200 }),
        f({ name: 'source.reference', label: t('field.source.reference'), maxLength: 100 })),
      h('div', { class: 'field-error', 'data-error-for': 'source' })),
    f({ name: 'urgent', label: t('field.urgent'), type: 'checkbox' }),
    f({ name: 'concernsCadre', label: t('field.concernsCadre'), type: 'checkbox' }),
    f({ name: 'anonymous', label: t('field.anonymous'), type: 'checkbox' }),
    petitioner,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('intake.submit'))));

  followTownship(form);
  const anonymous = form.querySelector<HTMLInputElement>('[name=anonymous]')!;
  anonymous.addEventListener('change', () => { petitioner.disabled = anonymous.checked; });

  // The warning follows what the desk types: ID number, phone, or township and subject.
  let timer: number | undefined;
  const checkSimilar = () => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const v = readForm(form) as { petitioner?: { idNumber?: string; phone?: string }; township?: string; subject?: string };
      const list = await post<SimilarList>('/api/cases/similar', {
        idNumber: v.petitioner?.idNumber, phone: v.petitioner?.phone, township: v.township, subject: v.subject,
      }).catch(() => ({ items: [] }) as SimilarList);
      replace(similar, similarWarning(list));
      similar.hidden = list.items.length === 0;
    }, 250);
  };
  for (const name of ['petitioner.idNumber', 'petitioner.phone', 'township', 'subject']) {
    form.querySelector(`[name="${name}"]`)!.addEventListener('change', checkSimilar);
  }

  onSubmit(form, async (values) => {
    const c = await post<CaseDetail>('/api/cases', values, { 'Idempotency-Key': idempotencyKey });
    idempotencyKey = crypto.randomUUID();
    go(`#/cases/${c.id}/ack`);
  });
  queueMicrotask(() => form.querySelector<HTMLElement>('select')?.focus());
  return form;
}
