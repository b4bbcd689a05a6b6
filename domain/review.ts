// The statutory review chain (DESIGN.md §2 step 7): after the written reply the petitioner may ask
// the next level for 复查 within 30 days, decided within 30 days; then for 复核 on the same terms;
// after 复核 the matter is final (终结). Pure rules, shared by the case workflow and the API.
import type { WorkCalendar } from './calendar';
import type { Satisfaction, Stage } from './case';
import { dueText } from './day-count';
import { addLimit, type Limit } from './policy';

/** 复查 (review by the next level), then 复核 (re-review by the level above it). */
export const REVIEW_LEVELS = ['review', 're_review'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];
export const REVIEW_LEVEL_NAMES: Record<ReviewLevel, string> = { review: '复查', re_review: '复核' };

export const REVIEW_RESULTS = ['upheld', 'changed'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export interface ReviewRequest {
  level: ReviewLevel;
  requestedAt: string;
  recordedBy: string;
  reason: string;
  /** The body that decides it (e.g. the city civil-affairs bureau). */
  body: string;
  /** The decision's due time, from the review clock. */
  dueAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  result?: ReviewResult;
  opinion?: string;
}

/** The request the petitioner may make, from when until when; it stays, marked lapsed, once it ends unused. */
export interface ReviewWindow {
  level: ReviewLevel;
  /** The written reply, or the 复查 decision; absent in the read model. */
  opensAt?: string;
  endsAt: string;
  lapsed?: boolean;
}

export interface ReviewState {
  /** The latest window offered and not used: open until `endsAt`. */
  window?: ReviewWindow;
  requests: ReviewRequest[];
  /** 终结: 复核 decided; the same facts are not accepted again. */
  finalAt?: string;
}

export interface PetitionerSatisfaction {
  response: Satisfaction;
  comment?: string;
}

/**
 * A window of `limit` days from `from` ends by the day-counting rule: delivered on 1 November, the
 * 30th day is 1 December, and the window lasts to its 24:00 (later when that day is a rest day).
 */
export function windowEnd(from: Date, limit: Limit, calendar?: WorkCalendar): Date {
  return addLimit(from, limit, calendar);
}

/** What the review rules depend on, as both the workflow and the read model know it. */
export interface ReviewStatus {
  stage: Stage;
  window?: ReviewWindow;
  /** The level of the request awaiting a decision, if any. */
  pending?: ReviewLevel;
  finalAt?: string;
}

const cst = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** Why the case takes no request for a review at all (its state, whatever the date), or undefined. */
export function requestRefusal(s: ReviewStatus): string | undefined {
  if (s.finalAt) return `the matter is final (终结) since 复核 was decided on ${cst(s.finalAt)} (China Standard Time); the same facts are not accepted again`;
  if (s.pending) return `a ${REVIEW_LEVEL_NAMES[s.pending]} is already waiting for its decision`;
  if (!s.window) return 'a review can be asked for only after the written reply';
  return undefined;
}

/** The field a refusal for the date of a request names. */
export const REQUEST_DATE_FIELD = 'requestedAt';
/** Leeway for a client's clock that runs a little ahead. */
const CLOCK_LEEWAY_MS = 5 * 60_000;

/** Why a request made at `at` (recorded `now`) falls outside the window, or undefined when it is in time. */
export function requestDateRefusal(window: ReviewWindow, at: Date, now: Date): string | undefined {
  const name = REVIEW_LEVEL_NAMES[window.level];
  if (at.getTime() > now.getTime() + CLOCK_LEEWAY_MS) return 'a request cannot be dated in the future';
  if (window.opensAt && at.toISOString() < window.opensAt) {
    return `the window for ${name} opened at ${cst(window.opensAt)} (China Standard Time); a request cannot be dated before it`;
  }
  if (at.toISOString() >= window.endsAt) return `the window for ${name} ended at ${dueText(window.endsAt)} (China Standard Time); the request is too late`;
  return undefined;
}

/** When the petitioner asked, as the desk recorded it, or now. */
export function requestDate(input: { requestedAt?: unknown }, now: Date): Date {
  return typeof input.requestedAt === 'string' ? new Date(input.requestedAt) : now;
}

/** Why a request for a review is refused now (its date, when given, must fall in the window), or undefined. */
export function requestActionRefusal(s: ReviewStatus, input: { requestedAt?: string } | undefined, now: Date): { reason: string; field?: string } | undefined {
  const state = requestRefusal(s);
  if (state) return { reason: state };
  const late = requestDateRefusal(s.window!, requestDate(input ?? {}, now), now);
  return late ? { reason: late, field: REQUEST_DATE_FIELD } : undefined;
}

/** The petitioner rates the outcome once, from the written reply until the 复查 window ends. */
export function satisfactionRefusal(s: ReviewStatus, rated: boolean, now: Date): string | undefined {
  if (s.window?.level !== 'review' || now.toISOString() >= s.window.endsAt) {
    return 'satisfaction can be given from the written reply until the 复查 window ends';
  }
  return rated ? 'satisfaction was already given for this case' : undefined;
}
