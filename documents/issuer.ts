// Who issues the written notices, and how their document numbers (发文字号) read: the county's
// civil-affairs bureau and its 机关代字, set per installation and validated at start.
import { z } from 'zod';
import { parseEnv } from '../config/parse-env';

const schema = z.object({
  /** The county's name, e.g. 林州市 or 示范县. */
  COUNTY_NAME: z.string().trim().min(2).max(30).default('示范县'),
  /** The issuing authority's full name; `<COUNTY_NAME>民政局` unless set. */
  DOCUMENT_ISSUER: z.string().trim().min(2).max(40).optional(),
  /** 机关代字 of the document numbers, e.g. 示民信 in 示民信〔2026〕12号. */
  DOCUMENT_CODE: z.string().trim().regex(/^[^\s〔〕]{1,12}$/, 'must be 1 to 12 characters without spaces or 〔〕').default('示民信'),
});

export interface Issuer {
  county: string;
  authority: string;
  code: string;
}

export function loadIssuer(env: NodeJS.ProcessEnv = process.env): Issuer {
  const c = parseEnv(schema, env, 'document issuer configuration');
  return { county: c.COUNTY_NAME, authority: c.DOCUMENT_ISSUER ?? `${c.COUNTY_NAME}民政局`, code: c.DOCUMENT_CODE };
}

/** 发文字号 as GB/T 9704 writes it: 机关代字, the year in 〔〕, the sequence without leading zeros. */
export const formatDocNo = (code: string, year: number, seq: number) => `${code}〔${year}〕${seq}号`;
