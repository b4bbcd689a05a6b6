import type { Db } from '../../db/client';
import { isTownshipScoped } from '../../domain/roles';
import type { Prisma } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';

const COUNTS = ['dueSoon', 'overdue', 'underSupervision'] as const;
type Counts = Record<(typeof COUNTS)[number], number>;

/**
 * Per township and stage: open cases in their warning window (due soon), past a due time (overdue),
 * and under supervision (督办). Each count is one grouped query over indexed read-model columns.
 */
export function createDashboardService(db: Db) {
  return async function dashboard(user: AuthUser, now = new Date()) {
    const open: Prisma.CaseWhereInput = {
      stage: { not: 'closed' },
      ...(isTownshipScoped(user.role) ? { townshipCode: user.townshipCode ?? '' } : {}),
    };
    const filters: Record<keyof Counts, Prisma.CaseWhereInput> = {
      dueSoon: { ...open, warnAt: { lte: now }, dueAt: { gte: now } },
      overdue: { ...open, dueAt: { lt: now } },
      underSupervision: { ...open, escalation: 'supervision' },
    };
    const [townships, ...groups] = await Promise.all([
      db.township.findMany(),
      ...COUNTS.map((k) => db.case.groupBy({ by: ['townshipCode', 'stage'], where: filters[k], _count: { _all: true } })),
    ]);
    const names = new Map(townships.map((t) => [t.code, t.name]));
    const rows = new Map<string, { township: { code: string; name: string }; stage: string } & Counts>();
    COUNTS.forEach((k, i) => {
      for (const g of groups[i]!) {
        const id = `${g.townshipCode}/${g.stage}`;
        const row = rows.get(id) ?? { township: { code: g.townshipCode, name: names.get(g.townshipCode) ?? g.townshipCode }, stage: g.stage, dueSoon: 0, overdue: 0, underSupervision: 0 };
        row[k] = g._count._all;
        rows.set(id, row);
      }
    });
    const list = [...rows.values()].sort((a, b) => a.township.code.localeCompare(b.township.code) || a.stage.localeCompare(b.stage));
    const totals = Object.fromEntries(COUNTS.map((k) => [k, list.reduce((n, r) => n + r[k], 0)])) as Counts;
    return { asOf: now.toISOString(), totals, rows: list };
  };
}
