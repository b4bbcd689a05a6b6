// The administrator's holiday calendar (节假日安排): one year at a time, its public holidays and the
// weekend days worked instead (调休上班). Saving makes every open case recompute its due dates.
import { get, put } from '../api';
import { go, notify, type PageContext } from '../app';
import { h } from '../dom';
import { errorSummary, field, newFormId, onSubmit, renumberRows } from '../forms';
import { t } from '../i18n';
import type { Calendar } from '../types';

type Year = Calendar['years'][number];

/** The years the API accepts. */
const FIRST = 2000;
const LAST = 2100;

let rowCount = 0;

/** A list of rows named `prefix.0…n`, with a button to add one and a button on each to remove it. */
function rowList(form: string, prefix: string, legend: string, row: (name: string, id: string, i: number) => HTMLElement[], initial: number): HTMLElement {
  const rows = h('div', { class: 'rows' });
  const add = () => {
    const i = rows.children.length;
    // Element ids stay unique however rows are removed and added; names follow the row's position.
    const el = h('div', { class: 'calendar-row' }, row(`${prefix}.${i}`, `${form}r${++rowCount}`, i),
      h('button', { type: 'button', class: 'link remove', onclick: () => { el.remove(); renumberRows(rows, prefix); } }, t('calendar.remove')));
    rows.append(el);
    return el;
  };
  for (let i = 0; i < initial; i++) add();
  return h('fieldset', { class: 'wide', id: `${prefix}-rows` },
    h('legend', {}, legend),
    rows,
    h('div', { class: 'field-error', 'data-error-for': prefix, role: 'alert' }),
    h('button', { type: 'button', 'data-add': prefix, onclick: () => { add().querySelector('input')?.focus(); } }, t('calendar.add')));
}

function yearForm(year: number, y: Year | undefined): HTMLFormElement {
  const id = newFormId();
  const holidays = y?.holidays ?? [];
  const workdays = y?.workdays ?? [];
  const form = h('form', { class: 'card', id: 'calendar-form' },
    h('h2', {}, t('calendar.year', { year })),
    errorSummary(),
    rowList(id, 'holidays', t('calendar.holidays'), (name, rid, i) => [
      field({ name: `${name}.date`, label: t('calendar.date'), type: 'date', required: true, value: holidays[i]?.date }, rid),
      field({ name: `${name}.name`, label: t('calendar.holidayName'), required: true, maxLength: 50, value: holidays[i]?.name }, rid),
    ], holidays.length),
    rowList(id, 'workdays', t('calendar.workdays'), (name, rid, i) => [
      field({ name, label: t('calendar.date'), type: 'date', required: true, value: workdays[i] }, rid),
    ], workdays.length),
    field({ name: 'provisional', label: t('calendar.provisional'), type: 'checkbox', value: y?.provisional ?? true }, id),
    h('p', { class: 'hint' }, t('calendar.effect')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
  onSubmit(form, async (v) => {
    const body = { holidays: v.holidays ?? [], workdays: v.workdays ?? [], provisional: v.provisional === true };
    const saved = await put<{ version: number; openCases: number }>(`/api/calendar/${year}`, body);
    notify(t('calendar.saved', { year, version: saved.version, openCases: saved.openCases }));
    go(`#/calendar?year=${year}`);
  });
  return form;
}

function yearPicker(years: number[], year: number): HTMLElement {
  return h('form', { class: 'filters', role: 'search' },
    h('label', {}, t('calendar.pickYear'), ' ',
      h('select', { name: 'year', onchange: (e: Event) => go(`#/calendar?year=${(e.target as HTMLSelectElement).value}`) },
        years.map((n) => h('option', { value: n, selected: n === year }, String(n))))));
}

export async function calendarPage({ query }: PageContext): Promise<Node> {
  const calendar = await get<Calendar>('/api/calendar');
  const thisYear = new Date().getFullYear();
  const asked = Number(query.get('year'));
  const year = Number.isInteger(asked) && asked >= FIRST && asked <= LAST ? asked : thisYear;
  const years = [...new Set([...calendar.years.map((y) => y.year), thisYear, thisYear + 1, year])].sort((a, b) => a - b);
  return h('section', { class: 'calendar-page' },
    h('h1', {}, t('calendar.title')),
    h('p', { class: 'hint' }, t('calendar.version', { version: calendar.version })),
    yearPicker(years, year),
    yearForm(year, calendar.years.find((y) => y.year === year)));
}
