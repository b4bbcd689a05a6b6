// The audit log: every change, login, failed login and confidential view, with who, when, from where
// and what. Entries are only ever inserted; the database refuses updates and deletes (see migration).
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Prisma } from '../../prisma/generated/client';
import { requestContext } from './context';
import type { auditQuery } from './schemas';
import { skipTake } from '../http/paging';

export interface AuditRecord {
  action: string;
  status: number;
  target?: string | null;
  detail?: Record<string, unknown>;
  /** Who, when no logged-in user is known yet (a login attempt). */
  actor?: { id?: string; username: string; role?: string };
}

/** PostgreSQL text and JSON hold no NUL, and a refused request may carry one (in a field name, say): it is kept as U+FFFD. */
const withoutNul = (s: string) => s.replaceAll('\0', '\uFFFD');
const detailWithoutNul = (detail: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(detail, (_key, v: unknown) => (typeof v === 'string' ? withoutNul(v) : v))) as Prisma.InputJsonValue;

export function createAuditLog(db: Db) {
  return {
    /** Appends one entry; who and from where come from the current request. */
    async record(r: AuditRecord): Promise<void> {
      const ctx = requestContext();
      const actor = r.actor ?? ctx?.user;
      await db.auditEntry.create({
        data: {
          actorId: actor?.id ?? null,
          actorUsername: actor?.username ?? null,
          actorRole: actor?.role ?? null,
          ip: ctx?.ip ?? null,
          action: r.action,
          target: r.target == null ? null : withoutNul(r.target),
          status: r.status,
          detail: r.detail === undefined ? undefined : detailWithoutNul(r.detail),
        },
      });
    },

    async search(q: z.infer<typeof auditQuery>) {
      const where: Prisma.AuditEntryWhereInput = {
        ...(q.actor ? { actorUsername: q.actor } : {}),
        ...(q.action ? { action: { startsWith: q.action } } : {}),
        ...(q.target ? { target: q.target } : {}),
        ...(q.ip ? { ip: q.ip } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
      };
      const [rows, total] = await Promise.all([
        db.auditEntry.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], ...skipTake(q) }),
        db.auditEntry.count({ where }),
      ]);
      const items = rows.map((e) => ({
        id: e.id.toString(),
        at: e.at.toISOString(),
        actor: e.actorUsername ? { id: e.actorId, username: e.actorUsername, role: e.actorRole } : null,
        ip: e.ip,
        action: e.action,
        target: e.target,
        status: e.status,
        detail: (e.detail ?? null) as Record<string, unknown> | null,
      }));
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
