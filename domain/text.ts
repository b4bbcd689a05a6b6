// Building blocks for the free text and dates that people type in. Each rule is one a JSON Schema
// can state too, so the OpenAPI document says exactly what the API accepts.
import { z } from 'zod';

/** PostgreSQL stores any text except the NUL character. */
const NO_NUL = /^[^\u0000]*$/;
/** …and required text has a character that is neither blank nor NUL. The blanks are spelled out (they are
 * what `trim()` removes) because `\s` means slightly different things to other regex engines. */
const FILLED = /^[^\u0000]*[^\u0000\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff][^\u0000]*$/;

// One pattern per field, and ASCII digits spelled [0-9]: generators (a client's, or the fuzzer's)
// handle one pattern well and two poorly, and some read `\d` as any Unicode digit.

/** Required text: up to `max` characters as sent, not blank, no NUL; stored trimmed. */
export const text = (max = 4000) => z.string().max(max).regex(FILLED, 'is required, and must not contain NUL characters').trim();

/** Optional text: up to `max` characters as sent, no NUL; stored trimmed. */
export const optionalText = (max = 4000) => z.string().max(max).regex(NO_NUL, 'must not contain NUL characters').trim().optional();

// Dates fall in the years 1900 to 2099: outside them a date is a typing error (and PostgreSQL has no
// year 0). The patterns also check the calendar, as zod's own ISO patterns do.
const LEAP_YEAR = '(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[048]|[2468][048]|[13579][26]))';
const DATE = `(?:${LEAP_YEAR}-02-29|(?:19|20)[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])))`;
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])';
const YEARS = 'in the years 1900 to 2099';

/** A calendar date, e.g. `2026-11-28`. */
export const isoDate = (message = `must be a date (YYYY-MM-DD) ${YEARS}`) => z.string().regex(new RegExp(`^${DATE}$`), message);

/** An ISO 8601 date-time with its offset, e.g. `2026-11-28T09:00:00+08:00`. */
export const isoDateTime = (message = `must be an ISO 8601 date-time ${YEARS}`) => z.string().regex(new RegExp(`^${DATE}T${TIME}$`), message);

export const townshipCode = z.string().regex(/^[0-9]{3,12}$/, 'must be a township code of 3 to 12 digits');

export interface FieldError {
  field: string;
  message: string;
}

/** Flattens a zod error into the field list that the API's error body carries. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((i) => {
    const unknownKeys = i.code === 'unrecognized_keys' ? i.keys : [];
    const path = [...i.path.map(String), ...unknownKeys.slice(0, 1)];
    return { field: [prefix, ...path].filter(Boolean).join('.') || '(body)', message: i.message };
  });
}
