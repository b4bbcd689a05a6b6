// Petitioners' query codes: random per case, drawn once and kept with the case (sealed with
// AES-256-GCM under a key from configuration), so a retried registration and a reprinted receipt show
// the same code, and nothing public or internal (case ids, numbers) derives it.
import crypto from 'node:crypto';
import type { Db } from '../../db/client';

// 32 letters and digits without the look-alikes 0/O and 1/I: 8 of them are 40 random bits.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 8;

const draw = () => Array.from({ length: QUERY_CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');

export function createQueryCodes(db: Db, key: Buffer) {
  // The case id is the associated data: a sealed code copied onto another case does not open there.
  function seal(caseId: string, code: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(caseId));
    const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /** The code, or undefined when the stored value does not open (another key, or tampered with). */
  function open(caseId: string, stored: string): string | undefined {
    try {
      const raw = Buffer.from(stored, 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(caseId));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  return {
    /** The case's code, drawn on first use; concurrent first uses agree on one. */
    async of(caseId: string): Promise<string> {
      await db.case.updateMany({ where: { id: caseId, queryCode: null }, data: { queryCode: seal(caseId, draw()) } });
      const row = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { queryCode: true } });
      const code = open(caseId, row.queryCode!);
      if (code === undefined) throw new Error(`the query code of case ${caseId} does not open with the configured SECRET_KEY`);
      return code;
    },

    /** A new code for the case; the old one stops working. */
    async reissue(caseId: string): Promise<string> {
      const code = draw();
      await db.case.update({ where: { id: caseId }, data: { queryCode: seal(caseId, code) } });
      return code;
    },

    /** Whether `code` is the case's code: compared in constant time, ignoring letter case. */
    matches(row: { id: string; queryCode: string | null }, code: string): boolean {
      const expected = Buffer.from(row.queryCode ? open(row.id, row.queryCode) ?? '' : '');
      const given = Buffer.from(code.toUpperCase());
      return expected.length === QUERY_CODE_LENGTH && given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}

export type QueryCodes = ReturnType<typeof createQueryCodes>;
