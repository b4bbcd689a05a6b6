// Every human action on a case, in one table (docs/extending.md): who may take it in which stages,
// what else the case's state must allow, its effect on the case and the timeline event it records
// (named after the action, holding what the effect answers). From it come the workflow's Update
// handlers and their refusals, the API's routes and permissions, the OpenAPI operations and the
// console's buttons. No schema library here (the workflow bundle stays small): the API checks an
// input's shape with the action's schema (api/cases/action-schemas.ts) before it sends the Update,
// and the workflow checks what the case's state decides: stage, role and clocks.
import type { Kind, ProposedOutcome, Satisfaction, Stage } from './case';
import { clockOwner, type ClockKind, type PauseReason } from './clocks';
import type { ExtensionRequest, CaseView } from './messages';
import type { CaseAssistance } from './notice';
import { requestActionRefusal, satisfactionRefusal, type ReviewResult, type ReviewStatus } from './review';
import { leaderOf, type Role } from './roles';
import { STAGES, stageSpec } from './stages';
import * as clocks from '../workflows/clock-state';
import * as review from '../workflows/review-state';

export interface Attendee {
  name: string;
  side: 'county' | 'township';
  title?: string;
}

/** What each action takes, as the API has checked it. */
export interface ActionInputs {
  accept: { township: string; note?: string };
  reject: { reason: string; basis: string };
  forward: { body: string; reason: string };
  answer: { answer: string };
  'submit-investigation': { findings: string; proposedOutcome: ProposedOutcome };
  approve: { note?: string };
  return: { reason: string };
  reply: {
    decision: string; facts: string; basis: string; text: string;
    /** The in-person reply (见面答复): county and township both attend. */
    meeting: { at: string; place: string; attendees: Attendee[] };
    /** When the outcome changes someone's assistance: the household, the decision and the amount, for public notice. */
    assistance?: CaseAssistance;
  };
  'follow-up': { at: string; response: Satisfaction; note?: string };
  'request-extension': { days: number; reason: string };
  'approve-extension': { note?: string };
  'decline-extension': { reason: string };
  pause: { reason: PauseReason; note?: string };
  resume: { note?: string };
  /** What was given (cash, goods, a hospital place…), and in yuan when it was money. */
  'first-aid': { aid: string; amount?: number };
  /** When the petitioner asked (e.g. the day a letter came in); now when left out. It must fall in the window. */
  'request-review': { reason: string; body: string; requestedAt?: string };
  'decide-review': { result: ReviewResult; opinion: string };
  /** The petitioner's own answer on the public page. */
  'petitioner-satisfaction': { response: Satisfaction; comment?: string };
}

export type ActionName = keyof ActionInputs;
export type ActionInput<A extends ActionName> = ActionInputs[A];

/** What the actions' rules read of a case, as both the workflow and the read model know it. */
export interface CaseStatus {
  stage: Stage;
  kind: Kind;
  paused: boolean;
  /** Accepted and not yet replied to: the statutory reply clock runs. */
  replyRunning: boolean;
  /** The latest extension request's status. */
  extension?: ExtensionRequest['status'];
  /** An urgent help request whose first aid is not recorded yet: its 48-hour clock runs. */
  firstAidDue: boolean;
  review: ReviewStatus;
  /** The petitioner has rated the outcome. */
  rated: boolean;
}

export interface Refusal {
  reason: string;
  /** The input at fault, if one is. */
  field?: string;
}

/** Who hears of an action: the managers, or the petitioner when they can be reached. */
export type Audience = 'managers' | 'petitioner';

export interface Effect {
  /** What the timeline event records beyond the input. */
  data?: Record<string, unknown>;
  tell?: Audience;
  /** A change in someone's assistance, posted for public notice by a child workflow. */
  notice?: CaseAssistance;
}

export interface EffectContext<A extends ActionName> {
  view: CaseView;
  input: ActionInputs[A];
  actorName: string;
  now: Date;
  ctx: clocks.ClockContext;
}

/** The buttons of the console's case page it appears among. */
export type ActionGroup = 'stage' | 'clock' | 'review';

export interface ActionSpec<A extends ActionName> {
  group: ActionGroup;
  /** The stages it may be taken in: `open` is every one but `closed`. */
  stages: readonly Stage[] | 'open' | 'any';
  /**
   * Who may take it: named roles, `party` (whose work the clock it acts on measures, with their
   * leader and the managers), or `petitioner` (the public page, no login).
   */
  who: readonly Role[] | 'party' | 'petitioner';
  /** The clock a `party` action acts on, when it is not the current stage's. */
  clock?: ClockKind;
  /** The stage it moves the case to. */
  to?: Stage;
  /** Restricts the action to these kinds of petition. */
  kinds?: readonly Kind[];
  /** A case paused stands still: no action that moves its stage until it is resumed. */
  blockedByPause?: true;
  /** What else the case's state must allow now; `input` is absent when asking what is offered. */
  refusal?(s: CaseStatus, input: ActionInputs[A] | undefined, now: Date): Refusal | string | undefined;
  effect(c: EffectContext<A>): Effect | void;
}

const county = ['county_reviewer'] as const;
const township = ['township_officer', 'township_leader'] as const;

/** The stage actions: each moves a case from one stage to the next. */
const stage = <A extends ActionName>(from: Stage, to: Stage, who: readonly Role[], effect: ActionSpec<A>['effect'] = () => undefined, kinds?: readonly Kind[]): ActionSpec<A> =>
  ({ group: 'stage', stages: [from], to, who, kinds, blockedByPause: true, effect });

const closedRefusal = (s: CaseStatus) => (s.stage === 'closed' ? 'the case is closed' : undefined);

export const ACTIONS: { [A in ActionName]: ActionSpec<A> } = {
  accept: stage('registered', 'investigation', ['desk'], ({ view, input, now }) => {
    view.township = input.township;
    view.acceptedAt = now.toISOString();
  }),
  reject: stage('registered', 'closed', ['desk'], ({ view }) => { view.outcome = 'rejected'; }),
  forward: stage('registered', 'closed', ['desk'], ({ view }) => { view.outcome = 'forwarded'; }),
  answer: stage('registered', 'closed', ['desk'], ({ view }) => { view.outcome = 'answered'; }, ['consultation']),
  'submit-investigation': stage('investigation', 'recheck', township, ({ view, input, actorName, now }) => {
    view.rounds.push({
      round: view.rounds.length + 1, submittedAt: now.toISOString(), submittedBy: actorName,
      findings: input.findings, proposedOutcome: input.proposedOutcome,
    });
  }),
  approve: stage('recheck', 'reply', county, ({ view, input, actorName, now }) => {
    view.rounds.at(-1)!.review = { decision: 'approved', at: now.toISOString(), by: actorName, note: input.note };
  }),
  return: stage('recheck', 'investigation', county, ({ view, input, actorName, now }) => {
    view.rounds.at(-1)!.review = { decision: 'returned', at: now.toISOString(), by: actorName, reason: input.reason };
  }),
  reply: stage('reply', 'follow_up', county, ({ view, input, now, ctx }) => {
    view.repliedAt = now.toISOString();
    view.outcome = 'replied';
    review.startReviewChain(view, now, ctx);
    return { notice: input.assistance };
  }),
  'follow-up': stage('follow_up', 'closed', ['desk', ...township, ...county], ({ view, input, now }) => {
    review.recordFollowUpSatisfaction(view, input.response, now);
  }),

  // The clocks (DESIGN.md §3): extensions of the statutory reply clock (延期: asked by whoever holds
  // the case, decided by a manager), pauses, and the first aid (先行救助) of an urgent help request.
  'request-extension': {
    group: 'clock', stages: 'open', who: 'party',
    refusal: (s) => closedRefusal(s) ?? clocks.extensionRequestRefusal(s),
    effect: ({ view, input, actorName, now, ctx }) => ({ ...clocks.requestExtension(view, input, actorName, now, ctx), tell: 'managers' }),
  },
  'approve-extension': {
    group: 'clock', stages: 'open', who: ['manager'],
    refusal: (s) => closedRefusal(s) ?? clocks.extensionDecisionRefusal(s),
    effect: ({ view, input, actorName, now, ctx }) => ({ ...clocks.approveExtension(view, input.note, actorName, now, ctx), tell: 'petitioner' }),
  },
  'decline-extension': {
    group: 'clock', stages: 'open', who: ['manager'],
    refusal: (s) => closedRefusal(s) ?? clocks.extensionDecisionRefusal(s),
    effect: ({ view, input, actorName, now, ctx }) => clocks.declineExtension(view, input.reason, actorName, now, ctx),
  },
  pause: {
    group: 'clock', stages: 'open', who: 'party',
    refusal: (s) => closedRefusal(s) ?? clocks.pauseRefusal(s),
    effect: ({ view, input, actorName, now, ctx }) => clocks.pause(view, input, actorName, now, ctx),
  },
  resume: {
    group: 'clock', stages: 'open', who: 'party',
    refusal: (s) => closedRefusal(s) ?? (s.paused ? undefined : 'the case is not paused'),
    effect: ({ view, now, ctx }) => clocks.resume(view, now, ctx),
  },
  'first-aid': {
    group: 'clock', stages: 'open', who: 'party', clock: 'emergency',
    refusal: (s) => closedRefusal(s) ?? (s.firstAidDue ? undefined : 'no first aid is due: only an urgent help request (救急难) awaits it, until it is recorded'),
    effect: ({ view, input, actorName, now, ctx }) => clocks.firstAid(view, input, actorName, now, ctx),
  },

  // The statutory review chain (DESIGN.md §2 step 7): the desk takes the petitioner's request; the
  // next level decides it.
  'request-review': {
    group: 'review', stages: 'any', who: ['desk'], to: 'review',
    refusal: (s, input, now) => requestActionRefusal(s.review, input, now),
    effect: ({ view, input, actorName, now }) => ({ data: { level: review.requestReview(view, input, actorName, now).level } }),
  },
  'decide-review': {
    group: 'review', stages: ['review'], who: county, to: 'closed',
    effect: ({ view, input, actorName, now, ctx }) => ({ data: { level: review.decideReview(view, input, actorName, now, ctx).level } }),
  },
  'petitioner-satisfaction': {
    group: 'review', stages: 'any', who: 'petitioner',
    refusal: (s, _input, now) => satisfactionRefusal(s.review, s.rated, now),
    effect: ({ view, input, now }) => { review.recordPetitionerSatisfaction(view, input, now); },
  },
};

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** The actions staff take through the API (the petitioner's are on the public page). */
export const STAFF_ACTIONS = ACTION_NAMES.filter((a) => ACTIONS[a].who !== 'petitioner');

/** The stage actions, and the stage each moves a case from (for stage durations). */
export const STAGE_MOVES = ACTION_NAMES.flatMap((a) => {
  const s = ACTIONS[a];
  return s.group === 'stage' && Array.isArray(s.stages) ? [{ action: a, from: s.stages[0] as Stage }] : [];
});

export function stagesOf(action: ActionName): readonly Stage[] {
  const { stages } = ACTIONS[action];
  return stages === 'any' ? STAGES : stages === 'open' ? STAGES.filter((s) => s !== 'closed') : stages;
}

/** The roles that may take an action in a stage (none in a stage it cannot be taken in). */
export function rolesFor(action: ActionName, stage: Stage): Role[] {
  const spec = ACTIONS[action];
  if (!stagesOf(action).includes(stage) || spec.who === 'petitioner') return [];
  if (spec.who !== 'party') return [...spec.who];
  const owner = spec.clock ? clockOwner(spec.clock, stage) : stageSpec(stage).owner;
  return owner ? [...new Set<Role>([owner, leaderOf(owner), 'manager'])] : ['manager'];
}

/** Every role that may take an action in some stage: what its route lets through to the case. */
export function rolesForAny(action: ActionName): Role[] {
  return [...new Set(stagesOf(action).flatMap((s) => rolesFor(action, s)))];
}

/** Why an action is refused in this state, whoever asks, or undefined when it is allowed. */
export function stateRefusal<A extends ActionName>(action: A, s: CaseStatus, now: Date, input?: ActionInputs[A]): Refusal | undefined {
  const spec: ActionSpec<A> = ACTIONS[action];
  const why = spec.refusal?.(s, input, now);
  if (why) return typeof why === 'string' ? { reason: why } : why;
  const stages = stagesOf(action);
  if (!stages.includes(s.stage)) return { reason: `"${action}" is not allowed in stage "${s.stage}" (only in "${stages.join('", "')}")` };
  if (spec.kinds && !spec.kinds.includes(s.kind)) return { reason: `"${action}" applies only to ${spec.kinds.join(', ')} petitions` };
  if (spec.blockedByPause && s.paused) return { reason: 'the case is paused; resume it first' };
  return undefined;
}

/** Why this role may not take this action in this stage, or undefined when it may. */
export function roleRefusal(action: ActionName, role: string, stage: Stage): string | undefined {
  const roles = rolesFor(action, stage);
  if (roles.includes(role as Role)) return undefined;
  return `role "${role}" may not perform "${action}" in stage "${stage}" (allowed: ${roles.join(', ') || 'nobody'})`;
}

/** The actions of a group the case's state allows now, for clients that offer only valid steps. */
export function availableActions(group: ActionGroup, s: CaseStatus, now: Date): ActionName[] {
  return STAFF_ACTIONS.filter((a) => ACTIONS[a].group === group && !stateRefusal(a, s, now));
}
