// The stages of a case (docs/extending.md): the one place a stage is named. Each says whose work it
// is (the party that answers for its clock: warned when it runs late, allowed to pause it or ask for
// more time) and which clock measures it. The actions that move a case between stages are in
// domain/actions.ts; everything else (policy keys, labels, queues, statistics) is derived from here.
import type { ClockUnit } from './calendar';
import type { Role } from './roles';

export interface Limit {
  amount: number;
  unit: ClockUnit;
}

export interface Label {
  zh: string;
  en: string;
}

export interface StageSpec {
  /** Whose work the stage is: warned first when its clock runs late (their leader next, see domain/roles.ts). */
  owner?: Role;
  /** The stage's own clock, by the name the time policy gives it, and its default limit. */
  clock?: { name: string; limit: Limit; label: Label };
  label: Label;
  /** A work queue of the console, for whoever may take one of the stage's actions. */
  queue?: Label;
}

const county = 'county_reviewer';

export const STAGE_TABLE = {
  registered: {
    owner: 'desk', label: { zh: '待受理', en: 'To accept' }, queue: { zh: '待受理', en: 'To accept' },
    clock: { name: 'acceptance', limit: { amount: 15, unit: 'days' }, label: { zh: '受理告知时限', en: 'acceptance decision' } },
  },
  investigation: {
    owner: 'township_officer', label: { zh: '乡镇调查', en: 'Township investigation' },
    clock: { name: 'investigation', limit: { amount: 15, unit: 'workingDays' }, label: { zh: '乡镇首办调查时限', en: 'township investigation' } },
  },
  recheck: {
    owner: county, label: { zh: '县级复查', en: 'County re-check' }, queue: { zh: '待复核', en: 'To re-check' },
    clock: { name: 'recheck', limit: { amount: 5, unit: 'workingDays' }, label: { zh: '县级复查核实时限', en: 'county re-check' } },
  },
  // The written reply and the follow-up run on the statutory reply clock alone.
  reply: { owner: county, label: { zh: '待答复', en: 'To reply' }, queue: { zh: '待答复', en: 'To reply' } },
  follow_up: { owner: county, label: { zh: '待回访', en: 'Follow-up' }, queue: { zh: '待回访', en: 'Follow-up' } },
  /** A 复查 or 复核 asked for after the reply, waiting for the next level's decision. */
  review: {
    owner: county, label: { zh: '复查复核中', en: 'Under statutory review' },
    clock: { name: 'review', limit: { amount: 30, unit: 'days' }, label: { zh: '复查复核决定时限', en: 'decision on a statutory review' } },
  },
  closed: { label: { zh: '已办结', en: 'Closed' } },
} as const satisfies Record<string, StageSpec>;

export type Stage = keyof typeof STAGE_TABLE;
export const STAGES = Object.keys(STAGE_TABLE) as Stage[];

/** The clocks that belong to a stage, by name. */
export type StageClock = { [S in Stage]: (typeof STAGE_TABLE)[S] extends { clock: { name: infer N } } ? N : never }[Stage];

export const stageSpec = (stage: Stage): StageSpec => STAGE_TABLE[stage];

/** The stages whose cases wait in a queue of the console. */
export const QUEUE_STAGES = STAGES.filter((s) => stageSpec(s).queue);
