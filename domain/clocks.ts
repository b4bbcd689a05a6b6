// The clocks of a case (DESIGN.md §3) and their escalation ladders: pure data and functions, shared
// by the case workflow (which runs them as durable timers) and the API (which reads them).
import { shift, type Interval, type WorkCalendar } from './calendar';
import { dueAfter, extendedDue } from './day-count';
import type { EscalationPolicy, TimePolicy } from './policy';
import { escalationAudienceOf, type Role } from './roles';
import { STAGES, stageSpec, type Label, type Limit, type Stage, type StageClock } from './stages';

export interface ClockSpec {
  limit: Limit;
  label: Label;
  /** Whose work it measures, when that does not follow the case's stage. */
  owner?: Role;
}

/** The clocks that run beside the stages' own (domain/stages.ts). */
const CASE_CLOCKS = {
  /** Statutory: acceptance → written reply; it belongs to whoever holds the case now. */
  reply: { limit: { amount: 60, unit: 'days' }, label: { zh: '法定答复时限', en: 'statutory written reply' } },
  /** 救急难: an urgent help request's first aid, from receipt. The township's: it is where the family lives. */
  emergency: { limit: { amount: 48, unit: 'hours' }, label: { zh: '救急难先行救助时限', en: 'emergency first aid' }, owner: 'township_officer' },
} as const satisfies Record<string, ClockSpec>;

export type ClockKind = StageClock | keyof typeof CASE_CLOCKS;

export const CLOCKS = {
  ...Object.fromEntries(STAGES.flatMap((s) => {
    const c = stageSpec(s).clock;
    return c ? [[c.name, { limit: c.limit, label: c.label, owner: stageSpec(s).owner }]] : [];
  })),
  ...CASE_CLOCKS,
} as Record<ClockKind, ClockSpec>;
export const CLOCK_KINDS = Object.keys(CLOCKS) as [ClockKind, ...ClockKind[]];

/** The ladder, in order: 预警 before the due time, 催办 at it, 督办 after it. */
export const LEVELS = ['warning', 'urging', 'supervision'] as const;
export type EscalationLevel = (typeof LEVELS)[number];

export const PAUSE_REASONS = ['materials', 'hearing'] as const;

/** The statute allows one extension of the reply clock, by at most 30 days. */
export const MAX_EXTENSION_DAYS = 30;

export const EXTENSION_STATUSES = ['requested', 'approved', 'declined'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** One run of one clock: a stage clock starts when its stage starts; the reply clock at acceptance. */
export interface Clock {
  /** `${kind}-${n}`: a send-back starts a new investigation clock. */
  id: string;
  kind: ClockKind;
  limit: Limit;
  startedAt: string;
  stoppedAt?: string;
  /** Days added by an approved extension (the statutory reply clock only). */
  extensionDays?: number;
  /** The highest level already reached; each level is reached once. */
  level?: EscalationLevel;
  /** Derived from the above, the case's pauses and the calendar; undefined while paused. */
  dueAt?: string;
  /** The due time counts days of a year without a published calendar (weekends only): it may move. */
  provisional?: boolean;
  warnAt?: string;
  superviseAt?: string;
}

export interface Pause {
  reason: PauseReason;
  from: string;
  to?: string;
  by: string;
  note?: string;
}

/** The stage clock that runs while a case is in a stage; reply and follow-up run on the reply clock alone. */
export function stageClockKind(stage: Stage): ClockKind | undefined {
  return stageSpec(stage).clock?.name as StageClock | undefined;
}

export const toIntervals = (pauses: readonly Pause[]): Interval[] =>
  pauses.map((p) => ({ from: Date.parse(p.from), to: p.to === undefined ? undefined : Date.parse(p.to) }));

const isoOf = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

/**
 * Due, warning and supervision times of a clock, by the day-counting rule (day-count.ts); all undefined
 * while an open pause freezes it. An extension counts from the day after the original last day.
 */
export function schedule(clock: Clock, pauses: readonly Pause[], calendar: WorkCalendar, escalation: EscalationPolicy) {
  const intervals = toIntervals(pauses);
  const base = dueAfter(Date.parse(clock.startedAt), clock.limit, calendar, intervals);
  const extended = base && clock.extensionDays ? extendedDue(base.at, clock.extensionDays, calendar, intervals) : base;
  if (!base || !extended) return { dueAt: undefined, provisional: undefined, warnAt: undefined, superviseAt: undefined };
  const due = extended.at;
  return {
    dueAt: isoOf(due),
    provisional: base.provisional || extended.provisional,
    warnAt: isoOf(shift(due, -escalation.warning.amount, escalation.warning.unit, calendar)),
    superviseAt: isoOf(shift(due, escalation.supervision.amount, escalation.supervision.unit, calendar, intervals)),
  };
}

export const levelTime = (clock: Clock, level: EscalationLevel): string | undefined =>
  level === 'warning' ? clock.warnAt : level === 'urging' ? clock.dueAt : clock.superviseAt;

export interface PlannedEscalation {
  clockId: string;
  level: EscalationLevel;
  at: string;
}

/** The earliest level not yet reached among running clocks: the one timer a case waits on. */
export function nextEscalation(clocks: readonly Clock[]): PlannedEscalation | undefined {
  let next: PlannedEscalation | undefined;
  for (const c of clocks) {
    if (c.stoppedAt) continue;
    const level = LEVELS[c.level ? LEVELS.indexOf(c.level) + 1 : 0];
    const at = level && levelTime(c, level);
    if (level && at && (!next || at < next.at)) next = { clockId: c.id, level, at };
  }
  return next;
}

/** Whose work a clock measures: its own owner, or (the reply clock) whoever holds the case now. */
export function clockOwner(kind: ClockKind, stage: Stage): Role | undefined {
  return CLOCKS[kind].owner ?? stageSpec(stage).owner;
}

/** Who hears of a level of a clock (the ladder's audiences are data beside the roles). */
export function escalationAudience(kind: ClockKind, level: EscalationLevel, stage: Stage): Role[] {
  return escalationAudienceOf(level, clockOwner(kind, stage));
}

/** The limit a new clock of this kind runs on. */
export function clockLimit(kind: ClockKind, policy: TimePolicy): Limit {
  return policy[kind];
}

/** The ladder of a clock of this kind: the first-aid clock's is in hours, the others' in working days. */
export function escalationFor(kind: ClockKind, policy: TimePolicy): EscalationPolicy {
  return kind === 'emergency' ? policy.emergencyEscalation : policy.escalation;
}
