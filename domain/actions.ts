// Human actions on a case: each one's input schema and the stage it moves the case from and to.
// The API validates request bodies with these schemas and the workflow's Update validators run
// them again, so a body the API accepts is exactly a body the workflow accepts.
import { z } from 'zod';
import { PROPOSED_OUTCOMES, SATISFACTION, type Kind, type Stage } from './case';
import { isoDateTime, optionalText, text } from './text';
import { caseAssistanceSchema } from './notice';

// Shared with the other forms that import them from here.
export { optionalText, text };
export const townshipCode = z.string().regex(/^[0-9]{3,12}$/, 'must be a township code of 3 to 12 digits');

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

export const actionSchemas = {
  accept: z.object({ township: townshipCode, note: optionalText() }).strict(),
  reject: z.object({ reason: text(), basis: text() }).strict(),
  forward: z.object({ body: text(200), reason: text() }).strict(),
  answer: z.object({ answer: text() }).strict(),
  'submit-investigation': z.object({ findings: text(20000), proposedOutcome: z.enum(PROPOSED_OUTCOMES) }).strict(),
  approve: z.object({ note: optionalText() }).strict(),
  return: z.object({ reason: text() }).strict(),
  reply: z.object({
    decision: text(), facts: text(20000), basis: text(), text: text(20000), meeting,
    /** When the outcome changes someone's assistance: the household, the decision and the amount, for public notice. */
    assistance: caseAssistanceSchema.optional(),
  }).strict(),
  'follow-up': z.object({ at: isoDateTime(), response: z.enum(SATISFACTION), note: optionalText() }).strict(),
} as const;

export type ActionName = keyof typeof actionSchemas;
export type ActionInput<A extends ActionName> = z.infer<(typeof actionSchemas)[A]>;
export const ACTION_NAMES = Object.keys(actionSchemas) as ActionName[];

export interface Transition {
  from: Stage;
  to: Stage;
  /** Restricts the action to these kinds of petition. */
  kinds?: readonly Kind[];
}

export const TRANSITIONS: Record<ActionName, Transition> = {
  accept: { from: 'registered', to: 'investigation' },
  reject: { from: 'registered', to: 'closed' },
  forward: { from: 'registered', to: 'closed' },
  answer: { from: 'registered', to: 'closed', kinds: ['consultation'] },
  'submit-investigation': { from: 'investigation', to: 'recheck' },
  approve: { from: 'recheck', to: 'reply' },
  return: { from: 'recheck', to: 'investigation' },
  reply: { from: 'reply', to: 'follow_up' },
  'follow-up': { from: 'follow_up', to: 'closed' },
};

/** The actions a case of this kind may take in this stage, for clients that offer only valid steps. */
export function availableActions(stage: Stage, kind: Kind): ActionName[] {
  return ACTION_NAMES.filter((a) => {
    const t = TRANSITIONS[a];
    return t.from === stage && (!t.kinds || t.kinds.includes(kind));
  });
}

/** Why an action is refused in this stage for this kind, or undefined when it is allowed. */
export function refusal(action: ActionName, stage: Stage, kind: Kind): string | undefined {
  const t = TRANSITIONS[action];
  if (t.from !== stage) return `"${action}" is not allowed in stage "${stage}" (only in "${t.from}")`;
  if (t.kinds && !t.kinds.includes(kind)) return `"${action}" applies only to ${t.kinds.join(', ')} petitions`;
  return undefined;
}

export interface FieldError {
  field: string;
  message: string;
  /** A machine-readable reason, where a rule gives one (e.g. `malformed_text`). */
  code?: string;
}

/** Flattens a zod error into the field list that the API's error body carries. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((i) => {
    const unknownKeys = i.code === 'unrecognized_keys' ? i.keys : [];
    const path = [...i.path.map(String), ...unknownKeys.slice(0, 1)];
    const code = (i as { params?: { code?: unknown } }).params?.code;
    return { field: [prefix, ...path].filter(Boolean).join('.') || '(body)', message: i.message, ...(typeof code === 'string' ? { code } : {}) };
  });
}
