// How a notice cycle changes: pure functions over its state, apart from the workflow's plumbing.
import { tally } from '../domain/appraisal';
import type { Actor } from '../domain/messages';
import { upholds, type ObjectionInput, type ResolutionInput } from '../domain/notice';
import type { Assistance, NoticeCycleInput, NoticeObjection, NoticeRound, NoticeView } from '../domain/notice-messages';
import { addLimit, type Limit } from '../domain/policy';

export function initialNoticeView(input: NoticeCycleInput): NoticeView {
  const { policy, startedBy: _startedBy, ...subject } = input;
  return {
    ...subject,
    current: subject.proposed,
    levels: policy.rounds,
    phase: 'first_notice',
    round: 0,
    rounds: [],
    objections: [],
  };
}

const currentRound = (view: NoticeView): NoticeRound => view.rounds.at(-1)!;

function post(view: NoticeView, now: Date, limit: Limit): { postedAt: string; closesAt: string } {
  view.postedAt = now.toISOString();
  view.closesAt = addLimit(now, limit).toISOString();
  return { postedAt: view.postedAt, closesAt: view.closesAt };
}

/** Posts the next round's first notice: objections are open until it closes. */
export function postFirstNotice(view: NoticeView, now: Date, first: Limit): NoticeRound {
  view.round += 1;
  view.phase = 'first_notice';
  const round: NoticeRound = { round: view.round, level: view.levels[view.round - 1]!, ...post(view, now, first), objections: 0 };
  view.rounds.push(round);
  return round;
}

/** Why an objection is not taken now, or undefined while the first notice is up. */
export function objectionRefusal(view: NoticeView, now: Date): string | undefined {
  // An Update can arrive before the first posting: until it is up there is no window to object in.
  if (view.phase !== 'first_notice' || !view.closesAt || now.toISOString() >= view.closesAt) {
    return 'objections are taken only while a first notice is posted, and this notice is not open for objections';
  }
  return undefined;
}

export function addObjection(view: NoticeView, input: ObjectionInput, now: Date): NoticeObjection {
  const objection: NoticeObjection = { no: view.objections.length + 1, round: view.round, at: now.toISOString(), ...input };
  view.objections.push(objection);
  currentRound(view).objections += 1;
  return objection;
}

/** Takes the first notice down; a round with objections goes to the county's review. */
export function closeFirstNotice(view: NoticeView): 'review' | 'clear' {
  view.postedAt = undefined;
  view.closesAt = undefined;
  if (currentRound(view).objections === 0) return 'clear';
  view.phase = 'review';
  return 'review';
}

/** Why a resolution is not taken now, or undefined when it is. */
export function resolutionRefusal(view: NoticeView): string | undefined {
  return view.phase === 'review' ? undefined : `objections are resolved only during a review, and this notice is in phase "${view.phase}"`;
}

/** A revision must change something, or it would be an upheld decision in disguise. */
export function revisionProblem(view: NoticeView, input: ResolutionInput): string | undefined {
  const r = input.revised;
  if (r && r.decision === view.current.decision && r.amount === view.current.amount) {
    return 'must differ from the decision under notice (otherwise the decision is upheld)';
  }
  return undefined;
}

export function resolve(view: NoticeView, input: ResolutionInput, actor: Actor, now: Date): void {
  const upheld = upholds(input);
  const result: Assistance = upheld ? view.current : { decision: input.revised!.decision, amount: input.revised!.amount };
  currentRound(view).resolution = {
    method: input.method, upheld, at: now.toISOString(), by: actor.name, result,
    ...(input.method === 'appraisal' ? { tally: tally(input.appraisal) } : {}),
  };
  view.current = result;
}

export const isResolved = (view: NoticeView): boolean => Boolean(currentRound(view).resolution);

/** Posts the review's result for the second notice period. */
export function postSecondNotice(view: NoticeView, now: Date, second: Limit): void {
  view.phase = 'second_notice';
  const { postedAt, closesAt } = post(view, now, second);
  Object.assign(currentRound(view), { secondPostedAt: postedAt, secondClosesAt: closesAt });
}

export function takeEffect(view: NoticeView, now: Date): void {
  view.phase = 'effective';
  view.postedAt = undefined;
  view.closesAt = undefined;
  view.effectiveAt = now.toISOString();
  const same = view.current.decision === view.proposed.decision && view.current.amount === view.proposed.amount;
  view.outcome = same ? 'confirmed' : 'revised';
}
