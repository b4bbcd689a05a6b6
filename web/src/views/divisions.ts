// The administrator's county page: the county's code and name, its townships and villages entered
// one by one, and a spreadsheet import (XLSX or CSV) checked by a dry run that lists every rejected
// row before anything is written.
import { get, request } from '../api';
import { attempt, notify, type PageContext } from '../app';
import { h, replace } from '../dom';
import { errorSummary, field, newFormId, onSubmit, type Option } from '../forms';
import { t } from '../i18n';
import type { County, ImportReport, Township, Village } from '../types';

function form(id: string, title: string, fields: HTMLElement[], submit: string, send: (v: Record<string, unknown>) => Promise<void>): HTMLFormElement {
  const f = h('form', { class: 'card', id }, h('h2', {}, title), errorSummary(), h('div', { class: 'grid' }, ...fields),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, submit)));
  onSubmit(f, send);
  return f;
}

function reportView(r: ImportReport): HTMLElement {
  return h('div', { class: 'card', id: 'import-report', role: 'status' },
    h('p', {}, t(r.dryRun ? 'divisions.dryRunResult' : 'divisions.importResult', {
      rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected.length,
    })),
    r.rejected.length ? h('table', { class: 'cases', id: 'import-rejected' },
      h('thead', {}, h('tr', {}, h('th', {}, t('divisions.row')), h('th', {}, t('divisions.column')), h('th', {}, t('divisions.reason')))),
      h('tbody', {}, r.rejected.map((x) => h('tr', {}, h('td', {}, String(x.row)), h('td', {}, x.field), h('td', {}, x.message))))) : null);
}

function importForm(refresh: () => Promise<void>): HTMLElement {
  const id = newFormId();
  const result = h('div', {});
  const kinds: Option[] = [{ value: 'townships', text: t('divisions.townships') }, { value: 'villages', text: t('divisions.villages') }];
  const file = h('input', { type: 'file', name: 'file', id: `${id}-file`, accept: '.xlsx,.csv', 'data-skip': '' });
  const send = (dryRun: boolean) => attempt(async () => {
    const chosen = file.files?.[0];
    if (!chosen) { replace(result, h('p', { class: 'field-error' }, t('divisions.chooseFile'))); return; }
    const kind = (f.querySelector<HTMLSelectElement>('[name=kind]')!).value;
    const type = chosen.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const r = await request<ImportReport>('POST', `/api/imports/${kind}?dryRun=${dryRun}`, { file: chosen, headers: { 'content-type': type } });
    replace(result, reportView(r));
    if (!dryRun) await refresh();
  });
  const f = h('form', { class: 'card', id: 'division-import' },
    h('h2', {}, t('divisions.import')),
    h('p', { class: 'hint' }, t('divisions.importHint')),
    h('div', { class: 'grid' },
      field({ name: 'kind', label: t('divisions.importKind'), type: 'select', options: kinds, value: 'townships' }, id),
      h('div', { class: 'field' }, h('label', { for: `${id}-file` }, t('divisions.file')), file)),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'import-dry-run', onclick: () => void send(true) }, t('divisions.dryRun')),
      h('button', { type: 'button', class: 'primary', id: 'import-run', onclick: () => void send(false) }, t('divisions.runImport'))),
    result);
  return f;
}

export async function divisionsPage({ refresh, query }: PageContext): Promise<Node> {
  const [county, townships] = await Promise.all([get<County | null>('/api/county'), get<Township[]>('/api/townships')]);
  const shown = query.get('township') ?? townships[0]?.code ?? '';
  const villages = shown ? await get<Village[]>(`/api/villages?township=${encodeURIComponent(shown)}`) : [];
  const towns: Option[] = townships.map((x) => ({ value: x.code, text: `${x.name} (${x.code})` }));
  const ids = [newFormId(), newFormId(), newFormId()] as const;
  return h('section', { class: 'divisions' },
    h('h1', {}, t('divisions.title')),
    form('county-form', t('divisions.county'), [
      field({ name: 'code', label: t('divisions.code'), required: true, maxLength: 6, value: county?.code ?? '' }, ids[0]),
      field({ name: 'name', label: t('divisions.name'), required: true, maxLength: 50, value: county?.name ?? '' }, ids[0]),
    ], t('common.save'), async (v) => { await request('PUT', '/api/county', { body: v }); notify(t('divisions.saved')); await refresh(); }),
    importForm(refresh),
    form('township-form', t('divisions.addTownship'), [
      field({ name: 'code', label: t('divisions.code'), required: true, maxLength: 12 }, ids[1]),
      field({ name: 'name', label: t('divisions.name'), required: true, maxLength: 50 }, ids[1]),
    ], t('common.save'), async (v) => { await request('POST', '/api/townships', { body: v }); notify(t('divisions.saved')); await refresh(); }),
    h('table', { class: 'cases', id: 'township-list' },
      h('thead', {}, h('tr', {}, h('th', {}, t('divisions.code')), h('th', {}, t('divisions.name')), h('th', {}, ''))),
      h('tbody', {}, townships.map((x) => h('tr', { 'data-code': x.code },
        h('td', {}, x.code), h('td', {}, x.name),
        h('td', {}, h('a', { href: `#/divisions?township=${x.code}` }, t('divisions.showVillages'))))))),
    form('village-form', t('divisions.addVillage'), [
      field({ name: 'townshipCode', label: t('field.township'), type: 'select', required: true, options: towns, value: shown }, ids[2]),
      field({ name: 'code', label: t('divisions.code'), required: true, maxLength: 12 }, ids[2]),
      field({ name: 'name', label: t('divisions.name'), required: true, maxLength: 50 }, ids[2]),
    ], t('common.save'), async (v) => { await request('POST', '/api/villages', { body: v }); notify(t('divisions.saved')); await refresh(); }),
    h('h2', {}, t('divisions.villagesOf', { township: townships.find((x) => x.code === shown)?.name ?? '—' })),
    h('table', { class: 'cases', id: 'village-list' },
      h('thead', {}, h('tr', {}, h('th', {}, t('divisions.code')), h('th', {}, t('divisions.name')))),
      h('tbody', {}, villages.map((v) => h('tr', { 'data-code': v.code }, h('td', {}, v.code), h('td', {}, v.name))))));
}
