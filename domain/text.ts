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

/** The code of a field refused for malformed text, beside its message, for clients to act on. */
export const MALFORMED_TEXT = 'malformed_text';

// A lone surrogate is not text: it cannot be encoded as UTF-8, so PostgreSQL and JSON refuse it later,
// where no one can answer the sender any more. Without the `u` flag, the regex sees UTF-16 code units.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// What shows nothing: blanks, controls, format characters (zero-width, direction marks), combining
// marks without a base, and the fillers that render as nothing (Hangul fillers, the blank Braille cell).
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}\u034f\u115f\u1160\u3164\uffa0\u2800]/gu;
// Direction controls make a file name read other than it is (`invoice\u202Efdp.exe` shows as `invoiceexe.pdf`).
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const malformed = (message: string) => ({ message, params: { code: MALFORMED_TEXT } });
const wellFormed = malformed('must be well-formed Unicode text (it contains a lone surrogate)');
const visible = malformed('must contain a visible character, not only invisible ones');
const isVisible = (s: string) => s.replace(INVISIBLE, '') !== '';
const isWellFormed = (s: string) => !LONE_SURROGATE.test(s);

/** Required text: up to `max` characters as sent, not blank, no NUL; stored trimmed. */
export const text = (max = 4000) => z.string().max(max).regex(FILLED, 'is required, and must not contain NUL characters')
  .refine(isWellFormed, wellFormed).refine(isVisible, visible).trim();

/** Optional text: up to `max` characters as sent, no NUL; stored trimmed. */
export const optionalText = (max = 4000) => z.string().max(max).regex(NO_NUL, 'must not contain NUL characters')
  .refine(isWellFormed, wellFormed).refine((s) => s.trim() === '' || isVisible(s), visible).trim().optional();

/** A file name as shown to people: text that cannot pose as another name with direction controls. */
export const fileName = (max = 200) => text(max)
  .refine((s) => !BIDI_CONTROL.test(s), malformed('must not contain bidirectional control characters'));

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
