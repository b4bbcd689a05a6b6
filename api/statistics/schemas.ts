import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { villageCode } from '../../domain/divisions';
import { KINDS } from '../../domain/case';
import { isoDate, isoDateTime } from '../../domain/text';
import { BASES } from '../../statistics/filter';

const dateOrTime = z.union([
  isoDate('must be a date (YYYY-MM-DD) or an ISO 8601 date-time, in the years 1900 to 2099'),
  isoDateTime('must be a date (YYYY-MM-DD) or an ISO 8601 date-time, in the years 1900 to 2099'),
]);

/** A date range over cases; a bare date is a whole day in China Standard Time, and `to` includes it. */
export const statisticsQuery = z.object({
  from: dateOrTime.optional(),
  to: dateOrTime.optional(),
  basis: z.enum(BASES).default('received'),
  township: townshipCode.optional(),
  /** A registered village's code: its cases only. */
  village: villageCode.optional(),
  kind: z.enum(KINDS).optional(),
}).strict();

export type StatisticsQuery = z.infer<typeof statisticsQuery>;

const count = z.object({ key: z.string().nullable(), label: z.string(), count: z.number() });
const rate = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });

export const statisticsSchema = z.object({
  filter: z.object({
    from: z.string().nullable(), to: z.string().nullable(), basis: z.enum(BASES), township: z.string().nullable(), village: z.string().nullable(), kind: z.string().nullable(),
  }),
  generatedAt: z.string(),
  total: z.number(),
  counts: z.object({
    kind: z.array(count),
    channel: z.array(count),
    sourceLevel: z.array(count),
    source: z.array(count.extend({ level: z.string().nullable() })),
    township: z.array(count.extend({ code: z.string() })),
    village: z.array(count.extend({ code: z.string().nullable() })),
    category: z.array(count),
    stage: z.array(count),
    outcome: z.array(count),
    satisfaction: z.array(count),
  }),
  rates: z.object({ onTimeClosure: rate, reply: rate, satisfaction: rate }),
  overdue: z.number(),
  supervised: z.number(),
  /** Petitions concerning a public official or cadre, and the accusations among them (transferred to 纪检监察). */
  cadres: z.object({ concerning: z.number(), accusations: z.number() }),
  stageDays: z.array(z.object({
    stage: z.string(), label: z.string(), spans: z.number(), averageDays: z.number().nullable(), p90Days: z.number().nullable(),
  })),
});
