// Forms whose input names are the API's field paths (`petitioner.idNumber`, `meeting.attendees.0.name`),
// so a form reads into the request body as it stands and the API's field errors land beside the
// input they name.
import { ApiFailure, type FieldError } from './api';
import { h, replace } from './dom';
import { apiMessage, t } from './i18n';

export interface Option {
  value: string;
  text: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'select' | 'datetime' | 'date' | 'password' | 'radio' | 'checkbox' | 'tel' | 'email' | 'number';
  options?: Option[];
  required?: boolean;
  value?: string | boolean;
  rows?: number;
  maxLength?: number;
  /** Bounds of a number. */
  min?: number;
  max?: number;
  hint?: string;
  /** Spans the whole row of the form's grid. */
  wide?: boolean;
  autocomplete?: string;
}

let formCount = 0;

function control(spec: FieldSpec, id: string): HTMLElement {
  const common = { id, name: spec.name, required: spec.required, 'aria-describedby': `${id}-error` };
  switch (spec.type) {
    case 'textarea':
      return h('textarea', { ...common, rows: spec.rows ?? 4, maxlength: spec.maxLength }, String(spec.value ?? ''));
    case 'select':
      return h('select', common, (spec.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === spec.value }, o.text)));
    case 'radio':
      return h('div', { class: 'radios', role: 'radiogroup', 'aria-labelledby': `${id}-label` },
        (spec.options ?? []).map((o, i) => h('label', { class: 'radio' },
          h('input', { type: 'radio', name: spec.name, value: o.value, id: i === 0 ? id : undefined, required: spec.required, checked: o.value === spec.value }),
          ` ${o.text}`)));
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: spec.value === true });
    case 'datetime':
      return h('input', { ...common, type: 'datetime-local', 'data-type': 'datetime', value: String(spec.value ?? '') });
    case 'number':
      return h('input', { ...common, type: 'number', 'data-type': 'number', step: 1, min: spec.min, max: spec.max, value: String(spec.value ?? '') });
    default:
      return h('input', {
        ...common, type: spec.type ?? 'text', value: String(spec.value ?? ''), maxlength: spec.maxLength, autocomplete: spec.autocomplete ?? 'off',
      });
  }
}

/** A labelled input with a slot for its error message. */
export function field(spec: FieldSpec, form = 'f'): HTMLElement {
  const id = `${form}-${spec.name.replace(/\./g, '-')}`;
  const input = control(spec, id);
  const error = h('div', { class: 'field-error', id: `${id}-error`, 'data-error-for': spec.name, role: 'alert' });
  if (spec.type === 'checkbox') {
    return h('div', { class: `field checkbox${spec.wide ? ' wide' : ''}` }, h('label', { for: id }, input, ` ${spec.label}`), error);
  }
  return h('div', { class: `field${spec.wide ? ' wide' : ''}` },
    h('label', { for: id, id: `${id}-label` }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    input,
    spec.hint ? h('div', { class: 'hint' }, spec.hint) : null,
    error);
}

export function newFormId(): string {
  formCount += 1;
  return `form${formCount}`;
}

type Tree = Record<string, unknown> | unknown[];

function setPath(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Tree = root;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    const key: string | number = /^\d+$/.test(seg) ? Number(seg) : seg;
    const bag = node as Record<string | number, unknown>;
    if (last) bag[key] = value;
    else {
      bag[key] ??= /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = bag[key] as Tree;
    }
  });
}

/** Drops the holes left by removed rows and the groups left empty by blank optional inputs. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(prune);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/** The API's type of an input's text: date-times as ISO 8601, numbers as numbers. */
function typed(type: string | undefined, v: string): unknown {
  if (type === 'datetime') return new Date(v).toISOString();
  return type === 'number' ? Number(v) : v;
}

/** The form's enabled inputs as a request body, blanks left out. */
export function readForm(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
    // `:disabled` also covers inputs inside a disabled fieldset.
    if (!el.name || el.matches(':disabled') || el.dataset.skip !== undefined) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') { setPath(out, el.name.split('.'), el.checked); continue; }
    const v = el.value.trim();
    if (v === '') continue;
    setPath(out, el.name.split('.'), typed(el.dataset.type, v));
  }
  return (prune(out) as Record<string, unknown> | undefined) ?? {};
}

function errorSlot(form: HTMLFormElement, name: string): HTMLElement | undefined {
  // An error on `a.b.c` that has no slot of its own goes to the nearest enclosing one (`a.b`, then `a`).
  for (let path = name.split('.'); path.length; path = path.slice(0, -1)) {
    const slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(path.join('.'))}"]`);
    if (slot) return slot;
  }
  return undefined;
}

export function clearErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((s) => replace(s));
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const summary = form.querySelector<HTMLElement>('.form-errors');
  if (summary) { replace(summary); summary.hidden = true; }
}

/** Shows each field error beside its input, the rest in the form's summary, and focuses the first. */
export function showErrors(form: HTMLFormElement, message: string, fields: FieldError[] = []): void {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('.form-errors');
  const loose: string[] = [];
  let first: HTMLElement | undefined;
  for (const f of fields) {
    const slot = errorSlot(form, f.field);
    if (!slot) { loose.push(`${f.field}: ${apiMessage(f.message)}`); continue; }
    slot.append(h('div', {}, apiMessage(f.message)));
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(slot.dataset.errorFor!)}"]`);
    input?.setAttribute('aria-invalid', 'true');
    first ??= input ?? slot;
  }
  if (summary) {
    replace(summary, h('p', {}, message), loose.length ? h('ul', {}, loose.map((l) => h('li', {}, l))) : null);
    summary.hidden = false;
  }
  (first ?? summary)?.focus();
}

/** Runs `submit` with the form's values; refusals from the API show on the form. */
export function onSubmit(form: HTMLFormElement, submit: (values: Record<string, unknown>) => Promise<void>): void {
  form.noValidate = true; // the API's messages, beside each field, rather than the browser's bubbles
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type=submit]');
    buttons.forEach((b) => { b.disabled = true; });
    clearErrors(form);
    try {
      await submit(readForm(form));
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      showErrors(form, err.fields.length ? t('common.formErrors') : t('common.error', { message: apiMessage(err.message) }), err.fields);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
}

/** The summary box every form carries, for errors that name no field of it. */
export function errorSummary(): HTMLElement {
  return h('div', { class: 'form-errors', role: 'alert', tabindex: '-1', hidden: true });
}

/**
 * Keeps the names of a list's rows `prefix.0…n` after one is removed, so the API's error paths
 * (`holidays.2.date`) still point at the row shown in that place.
 */
export function renumberRows(rows: HTMLElement, prefix: string): void {
  const own = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.\\d+`);
  Array.from(rows.children).forEach((row, i) => {
    row.querySelectorAll<HTMLElement>('[name], [data-error-for]').forEach((el) => {
      for (const attr of ['name', 'data-error-for']) {
        const v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(own, `${prefix}.${i}`));
      }
    });
  });
}
