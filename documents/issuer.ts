// Who issues the written notices, and how their document numbers (发文字号) read: the county's
// civil-affairs bureau, named from the county's master data, and its 机关代字. An installation may set
// both explicitly; they are validated at start.
import { z } from 'zod';
import { parseEnv } from '../config/parse-env';
import type { Db } from '../db/client';

const schema = z.object({
  /** The county's name until an administrator enters the county's master data. */
  COUNTY_NAME: z.string().trim().min(2).max(30).default('示范县'),
  /** The issuing authority's full name; `<county>民政局` unless set. */
  DOCUMENT_ISSUER: z.string().trim().min(2).max(40).optional(),
  /** 机关代字 of the document numbers (示民信 in 示民信〔2026〕12号); the county's first character and 民信 unless set. */
  DOCUMENT_CODE: z.string().trim().regex(/^[^\s〔〕]{1,12}$/, 'must be 1 to 12 characters without spaces or 〔〕').optional(),
});

export type IssuerConfig = z.infer<typeof schema>;

export interface Issuer {
  county: string;
  authority: string;
  code: string;
}

export function loadIssuerConfig(env: NodeJS.ProcessEnv = process.env): IssuerConfig {
  return parseEnv(schema, env, 'document issuer configuration');
}

/** The issuer as the county's master data and the configuration have it now. */
export async function issuerOf(db: Db, config: IssuerConfig): Promise<Issuer> {
  const county = (await db.county.findUnique({ where: { id: 1 } }))?.name ?? config.COUNTY_NAME;
  return { county, authority: config.DOCUMENT_ISSUER ?? `${county}民政局`, code: config.DOCUMENT_CODE ?? `${county.slice(0, 1)}民信` };
}

/** 发文字号 as GB/T 9704 writes it: 机关代字, the year in 〔〕, the sequence without leading zeros. */
export const formatDocNo = (code: string, year: number, seq: number) => `${code}〔${year}〕${seq}号`;
