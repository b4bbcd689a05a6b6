// Tells "PostgreSQL cannot store this value" apart from every other database error: retrying such a
// write can never succeed, so it must fail at once with a clear reason instead.

/** SQLSTATE class 22 (data exception): invalid text, an unsupported Unicode escape, a value too long… */
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

interface MaybeDbError {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } }; code?: unknown };
  cause?: unknown;
  message?: unknown;
}

export function isBadData(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as MaybeDbError;
  if (typeof e.code === 'string' && DATA_EXCEPTION.test(e.code)) return true;
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === 'string' && DATA_EXCEPTION.test(original)) return true;
  if (typeof e.message === 'string' && /unsupported Unicode escape|hex escape|invalid byte sequence|untranslatable character|lone surrogate/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isBadData(e.cause);
}
