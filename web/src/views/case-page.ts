// One case: what was registered, the investigation rounds, the timeline with its files, and
// exactly the actions the case's stage allows and the user's role may perform.
import { get, post, type User } from '../api';
import { notify, type PageContext } from '../app';
import { h, replace } from '../dom';
import { errorSummary, newFormId, onSubmit } from '../forms';
import { date, dateTime, dueTime, fileSize } from '../format';
import { isKey, label, t, type Key } from '../i18n';
import type { ActionName } from '../../../domain/actions';
import { mayTake } from '../permissions';
import type { AttachmentList, CaseDetail, TimelineEvent } from '../types';
import { ACTION_FORMS } from './action-forms';
import { attachmentsCard, fileInput, uploadChosen } from './attachments';
import { stageBadge } from './case-list';
import { townships } from './townships';

const dl = (rows: Array<[string, Node | string | null | undefined]>) =>
  h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [h('dt', {}, k), h('dd', {}, v!)]));

function petitionerText(c: CaseDetail): string {
  if (c.petitionerWithheld) return t('field.withheld');
  if (c.anonymous || !c.petitioner) return t('field.anonymousShort');
  const p = c.petitioner;
  return [p.name, p.phone, p.idNumber, p.address].filter(Boolean).join(' · ');
}

function infoCard(c: CaseDetail): HTMLElement {
  const source = c.source.body ? [label('sourceLevel', c.source.level), c.source.body, c.source.reference].filter(Boolean).join(' · ') : null;
  return h('section', { class: 'card', id: 'info' },
    h('h2', {}, t('case.info')),
    dl([
      [t('field.kind'), label('kind', c.kind)],
      [t('field.channel'), label('channel', c.channel)],
      [t('field.category'), label('category', c.category)],
      [t('field.source'), source],
      [t('field.township'), [c.township.name, c.village].filter(Boolean).join(' · ')],
      [t('field.petitioner'), petitionerText(c)],
      [t('field.receivedAt'), dateTime(c.receivedAt)],
      [t('field.acceptedAt'), c.acceptedAt ? dateTime(c.acceptedAt) : null],
      [t('field.closedAt'), c.closedAt ? dateTime(c.closedAt) : null],
      [t('field.outcome'), c.outcome ? label('outcome', c.outcome) : null],
      [t('field.facts'), h('span', { class: 'pre' }, c.facts)],
      [t('field.request'), h('span', { class: 'pre' }, c.request)],
    ]));
}

// Values of these inputs are vocabulary, shown by their label.
const VALUE_GROUPS: Record<string, string> = { proposedOutcome: 'proposed', response: 'satisfaction', clock: 'clock', level: 'reviewLevel', result: 'reviewResult' };
const TIMES = new Set(['at', 'pausedSince', 'requestedAt']);
/** Due times read as the law states them: 24:00 of the last day. */
const DUE_TIMES = new Set(['dueAt', 'replyDueAt', 'stageDueAt', 'previousReplyDueAt']);

type Names = Map<string, string>;

/** Inputs named like another action's: a 复查's `body` decides it, a forward's receives it. */
const SAME_NAME: Record<string, Record<string, Key>> = { 'request-review': { body: 'input.reviewBody' } };

function valueText(e: TimelineEvent, k: string, v: string, towns: Names): string {
  if (k in VALUE_GROUPS) return label(VALUE_GROUPS[k]!, v);
  // A pause's reason is vocabulary; other reasons are what someone wrote.
  if (k === 'reason' && (e.type === 'pause' || e.type === 'resume')) return label('pauseReason', v);
  if (TIMES.has(k)) return dateTime(v);
  if (DUE_TIMES.has(k)) return dueTime(v);
  return k === 'township' ? towns.get(v) ?? v : v;
}

/** The inputs an event carried, labelled; nested groups (the meeting) summarised by their place. */
function eventDetails(e: TimelineEvent, towns: Names): HTMLElement | null {
  const rows: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(e.data)) {
    const key = SAME_NAME[e.type]?.[k] ?? `input.${k}`;
    if (!isKey(key)) continue;
    if (typeof v === 'string') rows.push([t(key), valueText(e, k, v, towns)]);
    else if (typeof v === 'number') rows.push([t(key), String(v)]);
    else if (k === 'meeting' && v && typeof v === 'object') {
      const m = v as { at: string; place: string };
      rows.push([t(key), `${dateTime(m.at)} · ${m.place}`]);
    }
  }
  return rows.length ? dl(rows) : null;
}

function eventTitle(type: string): string {
  return isKey(`event.${type}`) ? label('event', type) : label('action', type);
}

function timelineCard(c: CaseDetail, files: AttachmentList, towns: Names): HTMLElement {
  const entries = [
    ...c.timeline.map((e) => ({ at: e.at, title: eventTitle(e.type), actor: e.actor, body: eventDetails(e, towns), kind: e.type })),
    ...files.items.map((a) => ({ at: a.uploadedAt, title: t('case.attachmentEvent'), actor: a.uploadedBy, body: h('p', {}, `${a.fileName} (${fileSize(a.size)})`), kind: 'attachment' })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return h('section', { class: 'card', id: 'timeline' },
    h('h2', {}, t('case.timeline')),
    h('ol', { class: 'timeline' }, entries.map((e) => h('li', { 'data-type': e.kind },
      h('div', { class: 'when' }, dateTime(e.at)),
      h('div', { class: 'what' }, h('strong', {}, e.title), e.actor ? h('span', { class: 'actor' }, ` · ${e.actor}`) : null, e.body)))));
}

/** Investigation rounds and their review, read from the timeline. */
function roundsCard(c: CaseDetail, towns: Names): HTMLElement | null {
  const rounds: Array<{ submitted: TimelineEvent; review?: TimelineEvent }> = [];
  for (const e of c.timeline) {
    if (e.type === 'submit-investigation') rounds.push({ submitted: e });
    else if ((e.type === 'approve' || e.type === 'return') && rounds.length) rounds.at(-1)!.review = e;
  }
  if (rounds.length === 0) return null;
  return h('section', { class: 'card', id: 'rounds' },
    h('h2', {}, t('case.rounds')),
    rounds.map((r, i) => h('div', { class: 'round' },
      h('h3', {}, t('case.round', { n: i + 1 }), h('span', { class: 'meta' }, ` · ${r.submitted.actor ?? ''} · ${dateTime(r.submitted.at)}`)),
      eventDetails(r.submitted, towns),
      r.review ? h('div', { class: `review ${r.review.type}` },
        h('strong', {}, label('review', r.review.type === 'approve' ? 'approved' : 'returned')),
        h('span', { class: 'meta' }, ` · ${r.review.actor ?? ''} · ${dateTime(r.review.at)}`),
        eventDetails(r.review, towns)) : null)));
}

/**
 * Buttons for the given actions the user may perform, each opening its form below them; a card
 * lists the stage's actions, another the clock actions.
 */
function actionButtons(actions: ActionName[], c: CaseDetail, files: AttachmentList, user: User, refresh: () => Promise<void>): HTMLElement[] {
  const offered = actions.filter((a): a is keyof typeof ACTION_FORMS => a in ACTION_FORMS && mayTake(user, a, c.stage));
  const body = h('div', { class: 'action-body' });

  async function open(action: keyof typeof ACTION_FORMS, opener: HTMLElement): Promise<void> {
    const spec = ACTION_FORMS[action];
    // Closing the form gives the keyboard back to the button that opened it.
    const close = () => { replace(body); opener.focus(); };
    const id = newFormId();
    const picker = spec.files ? fileInput(id, files.limits.maxBytes) : null;
    const form = h('form', { class: 'action-form', id: `action-${action}` },
      h('h3', {}, label('action', action)),
      errorSummary(),
      h('div', { class: 'grid' }, await spec.fields(c, user, id), picker),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary' }, t('common.submit')),
        h('button', { type: 'button', onclick: close }, t('common.cancel'))));
    form.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(); });
    onSubmit(form, async (values) => {
      const input = form.querySelector<HTMLInputElement>('input[type=file]');
      if (input) await uploadChosen(c.id, input);
      await post(`/api/cases/${c.id}/actions/${action}`, values);
      notify(t('case.done', { action: label('action', action) }));
      await refresh();
    });
    replace(body, form);
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  if (offered.length === 0) return [];
  return [h('div', { class: 'buttons' }, offered.map((a) => h('button', { type: 'button', 'data-action': a, onclick: (e: Event) => void open(a, e.currentTarget as HTMLElement) }, label('action', a)))), body];
}

function actionsCard(c: CaseDetail, files: AttachmentList, user: User, refresh: () => Promise<void>): HTMLElement {
  const buttons = actionButtons(c.availableActions, c, files, user, refresh);
  return h('section', { class: 'card', id: 'actions' },
    h('h2', {}, t('case.actions')),
    buttons.length ? buttons : h('p', { class: 'empty' }, t(c.clock.pausedSince ? 'case.pausedNoActions' : 'case.noActions')));
}

/** The extension request waiting for a manager: how many days, why, asked by whom and when. */
function pendingExtension(c: CaseDetail): HTMLElement | null {
  const request = c.timeline.filter((e) => e.type === 'request-extension').at(-1);
  if (c.clock.extension !== 'requested' || !request) return null;
  return h('div', { class: 'notice', id: 'extension-request' },
    h('strong', {}, t('clock.requested', { days: String(request.data.days) })),
    h('span', { class: 'meta' }, ` · ${request.actor ?? ''} · ${dateTime(request.at)}`),
    h('p', { class: 'pre' }, String(request.data.reason ?? '')));
}

/** The case's clocks: due times, a pause, the extension, and the clock actions valid now. */
function clockCard(c: CaseDetail, files: AttachmentList, user: User, refresh: () => Promise<void>): HTMLElement | null {
  const buttons = actionButtons(c.clockActions, c, files, user, refresh);
  if (c.stage === 'closed' && buttons.length === 0) return null;
  const paused = c.clock.pausedSince
    ? t('clock.pausedSince', { reason: label('pauseReason', c.clock.pauseReason), at: dateTime(c.clock.pausedSince) })
    : null;
  return h('section', { class: 'card', id: 'clock', 'data-paused': String(Boolean(c.clock.pausedSince)), 'data-extension': c.clock.extension ?? '' },
    h('h2', {}, t('clock.title')),
    dl([
      [t('field.stageDueAt'), c.stageDueAt ? dueTime(c.stageDueAt, c.dueProvisional) : null],
      [t('field.replyDueAt'), c.replyDueAt ? dueTime(c.replyDueAt, c.dueProvisional) : null],
      [t('clock.warnAt'), c.clock.warnAt ? dateTime(c.clock.warnAt) : null],
      [t('clock.escalation'), c.escalation ? label('level', c.escalation) : null],
      [t('clock.paused'), paused],
      [t('clock.extension'), c.clock.extension ? label('extension', c.clock.extension) : null],
    ]),
    pendingExtension(c),
    buttons);
}

/** The statutory review chain after the written reply (复查, then 复核, then 终结), and its actions valid now. */
function reviewCard(c: CaseDetail, files: AttachmentList, user: User, refresh: () => Promise<void>): HTMLElement | null {
  const buttons = actionButtons(c.reviewActions, c, files, user, refresh);
  const { window, pending, finalAt } = c.review;
  const rated = c.satisfaction.petitioner;
  if (!window && !pending && !finalAt && !rated && buttons.length === 0) return null;
  return h('section', { class: 'card', id: 'review', 'data-pending': pending ?? '', 'data-window': window?.level ?? '' },
    h('h2', {}, t('review.title')),
    dl([
      [t('review.window'), window ? t('review.until', { level: label('reviewLevel', window.level), at: dueTime(window.endsAt) }) : null],
      [t('review.pending'), pending ? label('reviewLevel', pending) : null],
      [t('review.final'), finalAt ? dateTime(finalAt) : null],
      [t('review.petitionerSatisfaction'), rated ? label('satisfaction', rated) : null],
    ]),
    buttons);
}

export async function casePage({ params, user, refresh }: PageContext): Promise<Node> {
  const id = params[0]!;
  const [c, files, list] = await Promise.all([
    get<CaseDetail>(`/api/cases/${id}`), get<AttachmentList>(`/api/cases/${id}/attachments`), townships(),
  ]);
  const towns: Names = new Map(list.map((x) => [x.code, x.name]));
  const replied = c.timeline.some((e) => e.type === 'reply');
  return h('section', { class: 'case-page', 'data-stage': c.stage },
    h('div', { class: 'case-head' },
      h('h1', {}, h('span', { class: 'case-no' }, c.caseNo), ` ${c.subject}`),
      h('div', { class: 'badges' }, stageBadge(c),
        c.stageDueAt && c.stage !== 'closed' ? h('span', { class: 'due' }, `${t('field.stageDueAt')}: ${dueTime(c.stageDueAt, c.dueProvisional)}`) : null),
      c.repeatOf ? h('p', { class: 'repeat-of', role: 'alert' }, t('case.repeatOf', { date: date(c.repeatOf.finalAt) }), ' ',
        h('a', { href: `#/cases/${c.repeatOf.id}` }, c.repeatOf.caseNo)) : null,
      h('div', { class: 'buttons no-print' },
        c.queryCode ? h('a', { class: 'button', href: `#/cases/${c.id}/ack` }, t('case.printAck')) : null,
        replied ? h('a', { class: 'button', href: `#/cases/${c.id}/letter` }, t('case.printLetter')) : null)),
    h('div', { class: 'columns' },
      h('div', { class: 'col-main' }, infoCard(c), roundsCard(c, towns), timelineCard(c, files, towns)),
      h('div', { class: 'col-side' }, actionsCard(c, files, user!, refresh), clockCard(c, files, user!, refresh), reviewCard(c, files, user!, refresh), attachmentsCard(c, files, user!, refresh))));
}
