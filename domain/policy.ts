// Stage time limits (DESIGN.md §3). Pure functions: the workflow computes due dates with them from
// its own deterministic clock, and the policy in force is captured in the workflow's input.
import type { Stage } from './case';

export type ClockUnit = 'days' | 'workingDays';

export interface Limit {
  amount: number;
  unit: ClockUnit;
}

export interface TimePolicy {
  acceptance: Limit;
  investigation: Limit;
  recheck: Limit;
  /** Statutory: acceptance → written reply. */
  reply: Limit;
}

export const DEFAULT_POLICY: TimePolicy = {
  acceptance: { amount: 15, unit: 'days' },
  investigation: { amount: 15, unit: 'workingDays' },
  recheck: { amount: 5, unit: 'workingDays' },
  reply: { amount: 60, unit: 'days' },
};

const DAY_MS = 24 * 60 * 60 * 1000;

function isWeekend(d: Date): boolean {
  // County offices keep China Standard Time; weekends are judged there, not in UTC.
  const day = new Date(d.getTime() + 8 * 60 * 60 * 1000).getUTCDay();
  return day === 0 || day === 6;
}

/** Adds a limit to a start time. Working days skip weekends (the holiday calendar comes with the clocks). */
export function addLimit(start: Date, limit: Limit): Date {
  if (limit.unit === 'days') return new Date(start.getTime() + limit.amount * DAY_MS);
  let t = start.getTime();
  let left = limit.amount;
  while (left > 0) {
    t += DAY_MS;
    if (!isWeekend(new Date(t))) left -= 1;
  }
  return new Date(t);
}

/** The limit that governs a stage's own due date; `reply` and `follow_up` run on the statutory reply clock. */
export function stageLimit(policy: TimePolicy, stage: Stage): Limit | undefined {
  switch (stage) {
    case 'registered': return policy.acceptance;
    case 'investigation': return policy.investigation;
    case 'recheck': return policy.recheck;
    default: return undefined;
  }
}

/** Parses `STAGE_LIMITS` style overrides, e.g. `investigation=10wd,recheck=3wd,acceptance=15d`. */
export function parsePolicy(spec: string | undefined, base: TimePolicy = DEFAULT_POLICY): TimePolicy {
  if (!spec) return base;
  const policy = { ...base };
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(acceptance|investigation|recheck|reply)=(\d+)(d|wd)$/.exec(part);
    if (!m) throw new Error(`STAGE_LIMITS: cannot read "${part}" (expected e.g. investigation=15wd or reply=60d)`);
    policy[m[1] as keyof TimePolicy] = { amount: Number(m[2]), unit: m[3] === 'wd' ? 'workingDays' : 'days' };
  }
  return policy;
}
