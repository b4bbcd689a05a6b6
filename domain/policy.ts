// Stage time limits (DESIGN.md §3). Pure functions: the workflow computes due dates with them from
// its own deterministic clock, and the policy in force is captured in the workflow's input.
import { WEEKENDS_ONLY, type WorkCalendar } from './calendar';
import { CLOCK_KINDS, CLOCKS, stageClockKind, type ClockKind } from './clocks';
import type { Limit, Stage } from './stages';
import { dueAfter } from './day-count';

export type { Limit };

/** Every clock's limit (domain/clocks.ts), the escalation ladders and the petitioner's review window. */
export type TimePolicy = Record<ClockKind, Limit> & {
  /** The escalation ladder of every clock but the first-aid one. */
  escalation: EscalationPolicy;
  /** The petitioner's window to ask for 复查, and then for 复核 (30 days each). */
  reviewRequest: Limit;
  /** The first-aid clock's own ladder, in hours: the working-day ladder would outlast it. */
  emergencyEscalation: EscalationPolicy;
};

export interface EscalationPolicy {
  /** 预警: this long before a clock's due time. */
  warning: Limit;
  /** 督办: this long after a clock's due time (催办 comes at the due time itself). */
  supervision: Limit;
}

export const DEFAULT_ESCALATION: EscalationPolicy = {
  warning: { amount: 3, unit: 'workingDays' },
  supervision: { amount: 5, unit: 'workingDays' },
};

export const DEFAULT_EMERGENCY_ESCALATION: EscalationPolicy = {
  warning: { amount: 12, unit: 'hours' },
  supervision: { amount: 24, unit: 'hours' },
};

export const DEFAULT_POLICY: TimePolicy = {
  ...Object.fromEntries(CLOCK_KINDS.map((k) => [k, CLOCKS[k].limit])) as Record<ClockKind, Limit>,
  escalation: DEFAULT_ESCALATION,
  reviewRequest: { amount: 30, unit: 'days' },
  emergencyEscalation: DEFAULT_EMERGENCY_ESCALATION,
};

/** The due time of a limit from an event, on a holiday calendar, by the day-counting rule (day-count.ts). */
export function addLimit(start: Date, limit: Limit, calendar: WorkCalendar = WEEKENDS_ONLY): Date {
  return new Date(dueAfter(start.getTime(), limit, calendar)!.at);
}

/** The limit that governs a stage's own due date; `reply` and `follow_up` run on the statutory reply clock. */
export function stageLimit(policy: TimePolicy, stage: Stage): Limit | undefined {
  const kind = stageClockKind(stage);
  return kind && policy[kind];
}

const UNITS = { d: 'days', wd: 'workingDays', h: 'hours' } as const;

const KEYS = new RegExp(`^(${[...CLOCK_KINDS, 'warning', 'supervision', 'reviewRequest', 'emergencyWarning', 'emergencySupervision'].join('|')})=(\\d+)(d|wd|h)$`);

/**
 * Parses `STAGE_LIMITS` style overrides: a clock's name (domain/clocks.ts) or a ladder's step and a
 * limit, e.g. `investigation=10wd,acceptance=15d,warning=2wd,supervision=5wd,review=30d`; the
 * first-aid clock and its ladder as `emergency=48h,emergencyWarning=12h,emergencySupervision=24h`.
 */
export function parsePolicy(spec: string | undefined, base: TimePolicy = DEFAULT_POLICY): TimePolicy {
  if (!spec) return base;
  const policy = { ...base };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = KEYS.exec(part);
    if (!m) throw new Error(`STAGE_LIMITS: cannot read "${part}" (expected e.g. investigation=15wd, reply=60d, warning=3wd or emergency=48h)`);
    const limit: Limit = { amount: Number(m[2]), unit: UNITS[m[3] as keyof typeof UNITS] };
    if (m[1] === 'warning' || m[1] === 'supervision') policy.escalation = { ...policy.escalation, [m[1]]: limit };
    else if (m[1] === 'emergencyWarning') policy.emergencyEscalation = { ...policy.emergencyEscalation, warning: limit };
    else if (m[1] === 'emergencySupervision') policy.emergencyEscalation = { ...policy.emergencyEscalation, supervision: limit };
    else policy[m[1] as ClockKind | 'reviewRequest'] = limit;
  }
  return policy;
}
