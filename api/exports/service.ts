import type { Db } from '../../db/client';
import { computeStatistics } from '../../statistics/compute';
import { cstDate } from '../../domain/report-week';
import { listedTextNamesAccuser, recordIdentityViews } from '../audit/identity-views';
import type { AuditLog } from '../audit/log';
import type { AuthUser } from '../auth/service';
import { listOrder, listWhere } from '../cases/service';
import { ApiError } from '../http/errors';
import { filterFor } from '../statistics/service';
import { caseTable } from './case-table';
import { toCsv } from './csv';
import type { CaseExportQuery, FORMATS, StatisticsExportQuery } from './schemas';
import { statisticsTables } from './statistics-table';
import type { Table } from './table';
import { toXlsx } from './xlsx';

/** More rows than this is a request to narrow, not a file to build in memory. */
export const MAX_EXPORT_ROWS = 50_000;

export interface ExportFile {
  data: Buffer;
  contentType: string;
  name: string;
}

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function file(tables: Table[], format: (typeof FORMATS)[number], baseName: string): Promise<ExportFile> {
  const data = format === 'csv' ? toCsv(tables) : await toXlsx(tables);
  return { data, contentType: EXPORT_CONTENT_TYPES[format], name: `${baseName}.${format}` };
}

export function createExportService(db: Db, audit: AuditLog) {
  return {
    /** Every case of a list, under the same filters and visibility as `GET /api/cases`. */
    async cases(q: CaseExportQuery, user: AuthUser): Promise<ExportFile> {
      const now = new Date();
      const where = await listWhere(db, q, user, now);
      const total = await db.case.count({ where });
      if (total > MAX_EXPORT_ROWS) {
        throw ApiError.badRequest([{ field: 'query', message: `matches ${total} cases; narrow the filters to at most ${MAX_EXPORT_ROWS}` }]);
      }
      const rows = await db.case.findMany({ where, orderBy: listOrder(q), include: { township: true } });
      await recordIdentityViews(audit, user, 'export', rows, listedTextNamesAccuser);
      return file([caseTable(rows, user, now)], q.format, `信访案件_${cstDate(now)}`);
    },

    async statistics(q: StatisticsExportQuery, user: AuthUser): Promise<ExportFile> {
      const s = await computeStatistics(db, filterFor(q, user));
      return file(statisticsTables(s), q.format, `信访统计_${cstDate(new Date(s.generatedAt))}`);
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
