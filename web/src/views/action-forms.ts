// The form of each human action, its inputs named after the action's schema in
// api/cases/action-schemas.ts. An action without a form here is not offered.
import { PROPOSED_OUTCOMES, SATISFACTION } from '../../../domain/case';
import { MAX_EXTENSION_DAYS, PAUSE_REASONS } from '../../../domain/clocks';
import { REVIEW_RESULTS } from '../../../domain/review';
import type { ActionName } from '../../../domain/actions';
import type { User } from '../api';
import { h } from '../dom';
import { field, renumberRows, type FieldSpec, type Option } from '../forms';
import { localInputValue } from '../format';
import { label, t, type Key } from '../i18n';
import type { CaseDetail } from '../types';
import { townshipOptions } from './townships';

export interface ActionForm {
  /** The inputs, built for this case and user. */
  fields(c: CaseDetail, user: User, form: string): Promise<Node[]> | Node[];
  /** Files chosen in the form, uploaded as attachments before the action is sent. */
  files?: true;
}

const text = (name: string, key: Key, required = true): FieldSpec => ({ name, label: t(key), required, wide: true, maxLength: 4000 });
const area = (name: string, key: Key, required = true, rows = 4): FieldSpec => ({ ...text(name, key, required), type: 'textarea', rows, maxLength: 20000 });
const choices = (values: readonly string[], group: string): Option[] => values.map((v) => ({ value: v, text: label(group, v) }));
const simple = (...specs: FieldSpec[]): ActionForm => ({ fields: (_c, _u, form) => specs.map((s) => field(s, form)) });

function lastFindings(c: CaseDetail): string {
  const last = c.timeline.filter((e) => e.type === 'submit-investigation').at(-1);
  return typeof last?.data.findings === 'string' ? last.data.findings : '';
}

/** One row of the meeting's attendees; rows are renumbered when one is removed. */
let rowCount = 0;

function attendeeRow(form: string, i: number, value: { name?: string; side?: string; title?: string } = {}): HTMLElement {
  const p = `meeting.attendees.${i}`;
  // Element ids stay unique however rows are removed and added; names follow the row's position.
  form = `${form}r${++rowCount}`;
  const row = h('div', { class: 'attendee grid3', 'data-row': String(i) },
    field({ name: `${p}.name`, label: t('input.attendee.name'), required: true, value: value.name, maxLength: 100 }, form),
    field({ name: `${p}.side`, label: t('input.attendee.side'), type: 'select', value: value.side, options: choices(['county', 'township'], 'side') }, form),
    field({ name: `${p}.title`, label: t('input.attendee.title'), value: value.title, maxLength: 100 }, form),
    h('button', { type: 'button', class: 'link remove', onclick: () => { const rows = row.parentElement!; row.remove(); renumberRows(rows, 'meeting.attendees'); } }, t('input.attendee.remove')));
  return row;
}

function attendees(form: string, user: User): HTMLElement {
  const rows = h('div', { class: 'rows' }, attendeeRow(form, 0, { name: user.displayName, side: 'county' }), attendeeRow(form, 1, { side: 'township' }));
  return h('fieldset', { class: 'wide' },
    h('legend', {}, t('input.meeting.attendees')),
    rows,
    h('div', { class: 'field-error', 'data-error-for': 'meeting.attendees', role: 'alert' }),
    h('button', { type: 'button', onclick: () => { rows.append(attendeeRow(form, rows.children.length)); } }, t('input.attendee.add')));
}

export const ACTION_FORMS: Record<Exclude<ActionName, 'petitioner-satisfaction'>, ActionForm> = {
  accept: {
    async fields(c, _u, form) {
      return [
        field({ name: 'township', label: t('input.township'), type: 'select', required: true, value: c.township.code, options: await townshipOptions() }, form),
        field(area('note', 'input.note', false, 2), form),
      ];
    },
  },
  reject: simple(area('reason', 'input.reason'), text('basis', 'input.basis')),
  forward: simple(text('body', 'input.body'), area('reason', 'input.reason')),
  answer: simple(area('answer', 'input.answer', true, 5)),
  'submit-investigation': {
    files: true,
    fields: (_c, _u, form) => [
      field(area('findings', 'input.findings', true, 6), form),
      field({ name: 'proposedOutcome', label: t('input.proposedOutcome'), type: 'radio', required: true, options: choices(PROPOSED_OUTCOMES, 'proposed'), wide: true }, form),
    ],
  },
  approve: simple(area('note', 'input.note', false, 2)),
  return: simple(area('reason', 'input.reason', true, 3)),
  reply: {
    fields: (c, user, form) => [
      field(area('decision', 'input.decision', true, 2), form),
      field({ ...area('facts', 'input.facts', true, 4), value: lastFindings(c) }, form),
      field(text('basis', 'input.basis'), form),
      field(area('text', 'input.text', true, 5), form),
      h('fieldset', { class: 'wide' },
        h('legend', {}, t('input.meeting')),
        h('div', { class: 'grid' },
          field({ name: 'meeting.at', label: t('input.meeting.at'), type: 'datetime', required: true, value: localInputValue() }, form),
          field({ name: 'meeting.place', label: t('input.meeting.place'), required: true, maxLength: 200 }, form)),
        attendees(form, user)),
    ],
  },
  'request-extension': simple(
    { name: 'days', label: t('input.days'), type: 'number', required: true, min: 1, max: MAX_EXTENSION_DAYS, hint: t('input.days.hint', { max: MAX_EXTENSION_DAYS }) },
    area('reason', 'input.reason', true, 3),
  ),
  'approve-extension': simple(area('note', 'input.note', false, 2)),
  'decline-extension': simple(area('reason', 'input.reason', true, 3)),
  pause: simple(
    { name: 'reason', label: t('input.pauseReason'), type: 'radio', required: true, options: choices(PAUSE_REASONS, 'pauseReason'), wide: true },
    area('note', 'input.note', false, 2),
  ),
  resume: simple(area('note', 'input.note', false, 2)),
  'first-aid': simple(area('aid', 'input.aid', true, 3), { name: 'amount', label: t('input.amount'), type: 'number', min: 1 }),
  'request-review': simple(
    area('reason', 'input.reason', true, 3),
    { ...text('body', 'input.reviewBody'), maxLength: 200 },
    { name: 'requestedAt', label: t('input.requestedAt'), type: 'datetime', hint: t('input.requestedAt.hint') },
  ),
  'decide-review': simple(
    { name: 'result', label: t('input.result'), type: 'radio', required: true, options: choices(REVIEW_RESULTS, 'reviewResult'), wide: true },
    area('opinion', 'input.opinion', true, 4),
  ),
  'follow-up': simple(
    { name: 'at', label: t('input.at'), type: 'datetime', required: true, value: localInputValue() },
    { name: 'response', label: t('input.response'), type: 'radio', required: true, options: choices(SATISFACTION, 'satisfaction'), wide: true },
    area('note', 'input.note', false, 2),
  ),
};
