// Chinese names of the vocabulary in case.ts, for exports, reports and mail written on the server;
// the stages' and clocks' names in both languages come from their tables.
import type { Category, Channel, Kind, Outcome } from './case';
import { SATISFACTION, SOURCE_LEVELS } from './case';
import { CLOCK_KINDS, CLOCKS, type ClockKind } from './clocks';
import { ROLE_TABLE, ROLES, type Role } from './roles';
import { QUEUE_STAGES, STAGES, stageSpec, type Label, type Stage } from './stages';

type Language = keyof Label;
const byLanguage = <K extends string>(keys: readonly K[], labelOf: (k: K) => Label, l: Language) =>
  Object.fromEntries(keys.map((k) => [k, labelOf(k)[l]])) as Record<K, string>;

export const stageLabels = (l: Language) => byLanguage(STAGES, (s) => stageSpec(s).label, l);
export const clockLabels = (l: Language) => byLanguage<ClockKind>(CLOCK_KINDS, (k) => CLOCKS[k].label, l);
export const roleLabels = (l: Language) => byLanguage<Role>(ROLES, (r) => ROLE_TABLE[r], l);
/** The console's work queues, one per stage that has one. */
export const queueLabels = (l: Language) => byLanguage(QUEUE_STAGES, (s) => stageSpec(s).queue!, l);

export const KIND_LABELS: Record<Kind, string> = {
  consultation: '咨询', help: '求助', complaint: '反映', accusation: '举报', proposal: '建议意见',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  visit: '来访', letter: '来信', phone: '来电', online: '网上信访', forwarded: '上级转交',
};

export const STAGE_LABELS: Record<Stage, string> = stageLabels('zh');

export const CATEGORY_LABELS: Record<Category, string> = {
  dibao: '低保', tekun: '特困供养', disaster: '受灾人员救助', medical: '医疗救助', education: '教育救助',
  housing: '住房救助', employment: '就业救助', temporary: '临时救助', other: '其他',
};

export const SOURCE_LEVEL_LABELS: Record<(typeof SOURCE_LEVELS)[number], string> = {
  ministry: '部委', province: '省级', city: '市级', county: '县级', bureau: '本局', other: '其他',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  rejected: '不予受理', forwarded: '转送', answered: '当场答复', replied: '书面答复',
};

export const SATISFACTION_LABELS: Record<(typeof SATISFACTION)[number], string> = {
  satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意',
};

/** A label from one of the tables above, or the raw key for a value the table does not know. */
export function labelOf(table: Record<string, string>, key: string | null | undefined, none = '未填'): string {
  if (key === null || key === undefined) return none;
  return table[key] ?? key;
}
