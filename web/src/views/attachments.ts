// A case's files: list, download, upload. The investigation form uploads through here too.
import { ATTACHMENT_TYPES, contentTypeFor } from '../../../domain/attachments';
import { ApiFailure, download, request, type User } from '../api';
import { attempt, notify } from '../app';
import { h } from '../dom';
import { errorSummary, onSubmit } from '../forms';
import { dateTime, fileSize } from '../format';
import { apiMessage, label, t, type Key } from '../i18n';
import { may } from '../permissions';
import type { Attachment, AttachmentList, CaseDetail } from '../types';

const ACCEPT = Object.values(ATTACHMENT_TYPES).flatMap((x) => x.extensions).join(',');

/** A file input whose errors show under the name `attachments`. */
export function fileInput(form: string, maxBytes: number, caption: Key = 'input.attachments'): HTMLElement {
  const id = `${form}-attachments`;
  return h('div', { class: 'field wide' },
    h('label', { for: id }, t(caption)),
    h('input', { type: 'file', id, name: 'attachments', multiple: true, accept: ACCEPT, 'data-skip': '', 'aria-describedby': `${id}-error` }),
    h('div', { class: 'hint' }, t('case.uploadHint', { mb: Math.floor(maxBytes / 1024 / 1024) })),
    h('div', { class: 'field-error', id: `${id}-error`, 'data-error-for': 'attachments', role: 'alert' }));
}

/**
 * Uploads the chosen files one by one and empties the input, so a later resubmission does not
 * upload them twice. A refusal names the file and shows under the input.
 */
export async function uploadChosen(caseId: string, input: HTMLInputElement): Promise<Attachment[]> {
  const done: Attachment[] = [];
  for (const file of Array.from(input.files ?? [])) {
    const type = ATTACHMENT_TYPES[file.type] ? file.type : contentTypeFor(file.name) ?? (file.type || 'application/octet-stream');
    try {
      done.push(await request<Attachment>('POST', `/api/cases/${caseId}/attachments?name=${encodeURIComponent(file.name)}`, { file, headers: { 'content-type': type } }));
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      input.value = '';
      const why = e.fields[0]?.message ?? e.message;
      throw new ApiFailure(e.status, e.code, e.message, [{ field: 'attachments', message: `${file.name}: ${apiMessage(why)}` }]);
    }
  }
  input.value = '';
  return done;
}

export function attachmentList(items: Attachment[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'empty' }, t('case.noAttachments'));
  return h('ul', { class: 'files' }, items.map((a) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => void attempt(() => download(`/api/cases/${a.caseId}/attachments/${a.id}`, a.fileName)) }, a.fileName),
    h('span', { class: 'meta' }, ` ${fileSize(a.size)} · ${label('stage', a.stage)} · ${a.uploadedBy} · ${dateTime(a.uploadedAt)}`))));
}

export function attachmentsCard(c: CaseDetail, list: AttachmentList, user: User, refresh: () => Promise<void>): HTMLElement {
  let form: HTMLFormElement | null = null;
  if (may(user, 'attachments.upload') && c.stage !== 'closed') {
    form = h('form', { class: 'upload', id: 'upload-form' }, errorSummary(), fileInput('upload', list.limits.maxBytes, 'case.chooseFiles'), h('button', { type: 'submit' }, t('case.upload')));
    const input = form.querySelector<HTMLInputElement>('input[type=file]')!;
    onSubmit(form, async () => {
      const done = await uploadChosen(c.id, input);
      if (done.length) notify(t('case.uploaded', { name: done.map((a) => a.fileName).join('、') }));
      await refresh();
    });
  }
  return h('section', { class: 'card', id: 'attachments' }, h('h2', {}, t('case.attachments')), attachmentList(list.items), form);
}
