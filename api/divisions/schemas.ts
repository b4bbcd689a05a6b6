import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { divisionName, villageCode } from '../../domain/divisions';
import { IMPORT_KINDS } from './service';

export const townshipParams = z.object({ code: townshipCode }).strict();
export const villageParams = z.object({ code: villageCode }).strict();
export const importParams = z.object({ kind: z.enum(IMPORT_KINDS, { message: `must be one of: ${IMPORT_KINDS.join(', ')}` }) }).strict();

export const renameSchema = z.object({ name: divisionName }).strict();
export const newVillageSchema = z.object({ code: villageCode, name: divisionName, townshipCode }).strict();

export const villagesQuery = z.object({ township: townshipCode.optional() }).strict();
export const importQuery = z.object({
  /** `true`: check the file and report, writing nothing. */
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

const division = z.object({ code: z.string(), name: z.string() });
export const countyResponse = division.nullable();
export const townshipResponse = division;
export const townshipList = z.array(division);
export const villageResponse = division.extend({ township: division });
export const villageList = z.array(villageResponse);

export const importReportSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  dryRun: z.boolean(),
  /** Rows under the header, blank rows left out. */
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Every row refused, with the field and the reason; a row may be refused for more than one field. */
  rejected: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
