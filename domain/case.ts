// The vocabulary of a case (DESIGN.md §2, §6). Pure data: imported by the workflow, the API and the UI.

export { STAGES, type Stage } from './stages';

export const CHANNELS = ['visit', 'letter', 'phone', 'online', 'forwarded'] as const;
export type Channel = (typeof CHANNELS)[number];

export const KINDS = ['consultation', 'help', 'complaint', 'accusation', 'proposal'] as const;
export type Kind = (typeof KINDS)[number];

export const CATEGORIES = [
  'dibao', 'tekun', 'disaster', 'medical', 'education', 'housing', 'employment', 'temporary', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where a forwarded or assigned petition came from: ministry down to the bureau itself. */
export const SOURCE_LEVELS = ['ministry', 'province', 'city', 'county', 'bureau', 'other'] as const;

export const PROPOSED_OUTCOMES = ['support', 'explain', 'reject'] as const;
export type ProposedOutcome = (typeof PROPOSED_OUTCOMES)[number];

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

/** How a closed case ended, for lists and statistics. */
export type Outcome = 'rejected' | 'forwarded' | 'answered' | 'replied';
