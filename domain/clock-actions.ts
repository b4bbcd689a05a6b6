// Human actions on a case's clocks, which change no stage: extensions of the statutory reply clock
// (延期: asked by the assignee, decided by a manager), pauses (waiting for the petitioner's materials,
// a hearing) and the first aid (先行救助) that stops an urgent help request's 48-hour clock. Like the
// stage actions, each is one Update whose validator runs these rules.
import { z } from 'zod';
import { optionalText, text } from './actions';
import type { Stage } from './case';
import { PAUSE_REASONS } from './clocks';

/** The statute allows one extension of the reply clock, by at most 30 days. */
export const MAX_EXTENSION_DAYS = 30;

export const clockActionSchemas = {
  'request-extension': z.object({
    days: z.number().int('must be a whole number of days').min(1).max(MAX_EXTENSION_DAYS, `must be at most ${MAX_EXTENSION_DAYS} days`),
    reason: text(),
  }).strict(),
  'approve-extension': z.object({ note: optionalText() }).strict(),
  'decline-extension': z.object({ reason: text() }).strict(),
  pause: z.object({ reason: z.enum(PAUSE_REASONS), note: optionalText() }).strict(),
  resume: z.object({ note: optionalText() }).strict(),
  'first-aid': z.object({
    /** What was given: cash, goods, a hospital place… */
    aid: text(),
    /** In yuan, when the aid was money. */
    amount: z.number().positive('must be more than 0').max(1_000_000).optional(),
  }).strict(),
} as const;

export type ClockActionName = keyof typeof clockActionSchemas;
export type ClockActionInput<A extends ClockActionName> = z.infer<(typeof clockActionSchemas)[A]>;
export const CLOCK_ACTION_NAMES = Object.keys(clockActionSchemas) as ClockActionName[];

export const EXTENSION_STATUSES = ['requested', 'approved', 'declined'] as const;
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number];

/** What the clock actions depend on, as both the workflow and the read model know it. */
export interface ClockStatus {
  stage: Stage;
  /** Accepted and not yet replied to: the statutory reply clock runs. */
  replyRunning: boolean;
  paused: boolean;
  /** The latest extension request's status. */
  extension?: ExtensionStatus;
  /** An urgent help request whose first aid is not recorded yet: its 48-hour clock runs. */
  firstAidDue: boolean;
}

/** Why a clock action is refused now, or undefined when it is allowed. */
export function clockActionRefusal(action: ClockActionName, s: ClockStatus): string | undefined {
  if (s.stage === 'closed') return 'the case is closed';
  switch (action) {
    case 'request-extension':
      if (!s.replyRunning) return 'an extension moves the statutory reply clock, which runs only from acceptance to the written reply';
      if (s.extension === 'approved') return 'the reply clock was already extended; the statute allows one extension';
      if (s.extension === 'requested') return 'an extension request is already waiting for a manager\'s decision';
      return undefined;
    case 'approve-extension':
    case 'decline-extension':
      return s.extension === 'requested' ? undefined : 'no extension request is waiting for a decision';
    case 'pause':
      if (s.paused) return 'the case is already paused';
      return s.replyRunning || s.stage === 'registered' ? undefined : `no clock runs in stage "${s.stage}"`;
    case 'resume':
      return s.paused ? undefined : 'the case is not paused';
    case 'first-aid':
      return s.firstAidDue ? undefined : 'no first aid is due: only an urgent help request (救急难) awaits it, until it is recorded';
  }
}

/** The clock actions valid now, for clients that offer only valid steps. */
export function availableClockActions(s: ClockStatus): ClockActionName[] {
  return CLOCK_ACTION_NAMES.filter((a) => !clockActionRefusal(a, s));
}
