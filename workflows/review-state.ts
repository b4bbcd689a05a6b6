// How the review chain and satisfaction change a case: pure functions over the workflow's state,
// beside case-state.ts and clock-state.ts.
import type { WorkCalendar } from '../domain/calendar';
import type { CaseView } from '../domain/messages';
import type { TimePolicy } from '../domain/policy';
import {
  requestDate, windowEnd, type PetitionerSatisfaction, type ReviewLevel, type ReviewRequest, type ReviewResult, type ReviewStatus,
} from '../domain/review';
import type { Satisfaction } from '../domain/case';

export interface ReviewContext {
  policy: TimePolicy;
  calendar: WorkCalendar;
}

function openWindow(view: CaseView, level: ReviewLevel, from: Date, ctx: ReviewContext): void {
  view.review.window = { level, opensAt: from.toISOString(), endsAt: windowEnd(from, ctx.policy.reviewRequest, ctx.calendar).toISOString() };
}

/** The written reply opens the window for 复查. */
export function startReviewChain(view: CaseView, now: Date, ctx: ReviewContext): void {
  openWindow(view, 'review', now, ctx);
}

export function reviewStatus(view: CaseView): ReviewStatus {
  const pending = view.review.requests.find((r) => !r.decidedAt);
  return { stage: view.stage, window: view.review.window, pending: pending?.level, finalAt: view.review.finalAt };
}

/** Records the petitioner's request (taken at the desk); the case waits for the next level's decision. */
export function requestReview(view: CaseView, input: { reason: string; body: string; requestedAt?: string }, by: string, now: Date): ReviewRequest {
  const review = view.review;
  const request: ReviewRequest = {
    level: review.window!.level, requestedAt: requestDate(input, now).toISOString(), recordedBy: by, reason: input.reason, body: input.body,
  };
  review.requests.push(request);
  review.window = undefined;
  return request;
}

/** After the clocks are in step: a pending request is due when its clock is. */
export function noteReviewDue(view: CaseView): void {
  const pending = view.review.requests.find((r) => !r.decidedAt);
  if (pending && view.stage === 'review' && view.stageDueAt) pending.dueAt = view.stageDueAt;
}

/** The next level's decision: 复查 opens the window for 复核; 复核 makes the matter final (终结). */
export function decideReview(view: CaseView, input: { result: ReviewResult; opinion: string }, by: string, now: Date, ctx: ReviewContext): ReviewRequest {
  const review = view.review;
  const request = review.requests.find((r) => !r.decidedAt)!;
  Object.assign(request, { decidedAt: now.toISOString(), decidedBy: by, result: input.result, opinion: input.opinion });
  if (request.level === 'review') openWindow(view, 're_review', now, ctx);
  else review.finalAt = now.toISOString();
  return request;
}

/** When a closed case's last window ends, after which its workflow completes; undefined while none is open. */
export function windowExpiry(view: CaseView): string | undefined {
  const window = view.review.window;
  return view.stage === 'closed' && window && !window.lapsed ? window.endsAt : undefined;
}

/** The window ended unused; it stays on the case, so a late request is told when it ended. */
export function lapseWindow(view: CaseView): ReviewLevel {
  const window = view.review.window!;
  window.lapsed = true;
  return window.level;
}

export function recordFollowUpSatisfaction(view: CaseView, response: Satisfaction, now: Date): void {
  view.satisfaction = { ...view.satisfaction, followUp: { response, at: now.toISOString() } };
}

export function recordPetitionerSatisfaction(view: CaseView, input: PetitionerSatisfaction, now: Date): void {
  view.satisfaction = { ...view.satisfaction, petitioner: { ...input, at: now.toISOString() } };
}
