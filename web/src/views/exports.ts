// Export buttons: the list or statistics on screen, with the same filters, as an Excel or CSV file.
import { download } from '../api';
import { attempt } from '../app';
import { h } from '../dom';
import { t } from '../i18n';

export function exportButtons(what: 'cases' | 'statistics', filters: URLSearchParams): HTMLElement {
  const button = (format: 'xlsx' | 'csv') => {
    const q = new URLSearchParams(filters);
    q.delete('page');
    q.delete('pageSize');
    q.set('format', format);
    return h('button', { type: 'button', 'data-export': format, onclick: () => void attempt(() => download(`/api/exports/${what}?${q}`, `${what}.${format}`)) },
      t(format === 'xlsx' ? 'export.xlsx' : 'export.csv'));
  };
  return h('div', { class: 'buttons exports no-print' }, button('xlsx'), button('csv'));
}
