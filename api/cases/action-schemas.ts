// The API's part of the action table (domain/actions.ts): each action's input schema. The route
// checks a body against it before the Update goes to the workflow, which trusts its shape and checks
// only what the case's state decides; the OpenAPI document prints it.
import { z } from 'zod';
import type { ActionInputs, ActionName } from '../../domain/actions';
import { PROPOSED_OUTCOMES, SATISFACTION } from '../../domain/case';
import { MAX_EXTENSION_DAYS, PAUSE_REASONS } from '../../domain/clocks';
import { caseAssistanceSchema } from '../../domain/notice-schemas';
import { REVIEW_RESULTS } from '../../domain/review';
import { isoDateTime, optionalText, text, townshipCode } from '../../domain/text';

const attendee = z.object({
  name: text(100),
  side: z.enum(['county', 'township']),
  title: optionalText(100),
});

/** The in-person reply (见面答复): county and township both attend. */
const meeting = z.object({
  at: isoDateTime(),
  place: text(200),
  attendees: z.array(attendee).min(2).max(30)
    .refine((a) => a.some((x) => x.side === 'county') && a.some((x) => x.side === 'township'), {
      message: 'must include attendees from both the county and the township',
    })
    // The same rule for the OpenAPI document, which cannot see into a refinement.
    .meta({ allOf: (['county', 'township'] as const).map((side) => ({ contains: { properties: { side: { const: side } }, required: ['side'] } })) }),
});

/** The petitioner's own answer on the public page. */
export const petitionerSatisfactionSchema = z.object({
  response: z.enum(SATISFACTION),
  comment: optionalText(1000),
}).strict();

export const ACTION_SCHEMAS: { [A in ActionName]: z.ZodType<ActionInputs[A]> } = {
  accept: z.object({ township: townshipCode, note: optionalText() }).strict(),
  reject: z.object({ reason: text(), basis: text() }).strict(),
  forward: z.object({ body: text(200), reason: text() }).strict(),
  answer: z.object({ answer: text() }).strict(),
  'submit-investigation': z.object({ findings: text(20000), proposedOutcome: z.enum(PROPOSED_OUTCOMES) }).strict(),
  approve: z.object({ note: optionalText() }).strict(),
  return: z.object({ reason: text() }).strict(),
  reply: z.object({
    decision: text(), facts: text(20000), basis: text(), text: text(20000), meeting,
    assistance: caseAssistanceSchema.optional(),
  }).strict(),
  'follow-up': z.object({ at: isoDateTime(), response: z.enum(SATISFACTION), note: optionalText() }).strict(),
  'request-extension': z.object({
    days: z.number().int('must be a whole number of days').min(1).max(MAX_EXTENSION_DAYS, `must be at most ${MAX_EXTENSION_DAYS} days`),
    reason: text(),
  }).strict(),
  'approve-extension': z.object({ note: optionalText() }).strict(),
  'decline-extension': z.object({ reason: text() }).strict(),
  pause: z.object({ reason: z.enum(PAUSE_REASONS), note: optionalText() }).strict(),
  resume: z.object({ note: optionalText() }).strict(),
  'first-aid': z.object({ aid: text(), amount: z.number().positive('must be more than 0').max(1_000_000).optional() }).strict(),
  'request-review': z.object({ reason: text(), body: text(200), requestedAt: isoDateTime().optional() }).strict(),
  'decide-review': z.object({ result: z.enum(REVIEW_RESULTS), opinion: text(20000) }).strict(),
  'petitioner-satisfaction': petitionerSatisfactionSchema,
};
