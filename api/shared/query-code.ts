import crypto from 'node:crypto';

/** Petitioners' query codes: derived from the case id, never stored, so a reprint always matches. */
export interface QueryCodes {
  of(caseId: string): string;
  /** Compares in constant time, ignoring letter case. */
  matches(caseId: string, code: string): boolean;
}

export function createQueryCodes(secret: string): QueryCodes {
  const of = (caseId: string) =>
    crypto.createHmac('sha256', secret).update(caseId).digest('base64url').replace(/[-_]/g, '').slice(0, 8).toUpperCase();
  return {
    of,
    matches(caseId, code) {
      const expected = Buffer.from(of(caseId));
      const given = Buffer.from(code.toUpperCase());
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}
