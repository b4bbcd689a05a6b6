import { z } from 'zod';
import { listQuery } from '../cases/schemas';
import { statisticsQuery } from '../statistics/schemas';

export const FORMATS = ['csv', 'xlsx'] as const;
const format = z.enum(FORMATS).default('xlsx');

/** The case list's own filters, without paging: an export holds every matching case. */
export const caseExportQuery = listQuery.omit({ page: true, pageSize: true }).extend({ format }).strict();
export const statisticsExportQuery = statisticsQuery.extend({ format }).strict();

export type CaseExportQuery = z.infer<typeof caseExportQuery>;
export type StatisticsExportQuery = z.infer<typeof statisticsExportQuery>;
