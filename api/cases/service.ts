import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { sha256 } from '../shared/sha256';
import { workCalendar } from '../../db/calendar';
import { roleRefusal, rolesFor, stateRefusal, type ActionInputs, type ActionName } from '../../domain/actions';
import type { Stage } from '../../domain/case';
import { actionUpdates, CASE_WORKFLOW, registerUpdate, type Actor, type CaseWorkflowInput } from '../../domain/messages';
import type { NoticePolicy } from '../../domain/notice';
import type { TimePolicy } from '../../domain/policy';
import type { Registration } from '../../domain/registration';
import { findVillage } from '../../db/villages';
import { isTownshipScoped } from '../../domain/roles';
import type { Case, Prisma } from '../../prisma/generated/client';
import type { AuditLog } from '../audit/log';
import type { AuthUser } from '../auth/service';
import { ApiError } from '../http/errors';
import type { UpdateDeadline } from '../http/update-deadline';
import { skipTake } from '../http/paging';
import type { QueryCodes } from '../shared/query-code';
import { listedTextNamesAccuser, recordIdentityViews } from '../audit/identity-views';
import { searchWhere } from './search';
import { presentDetail, presentSummary, revealsConfidentialIdentity, statusOf } from './present';
import { fromWorkflowFailure } from './temporal-errors';
import type { listQuery } from './schemas';
import type { z } from 'zod';

export interface CaseServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  policy: TimePolicy;
  queryCodes: QueryCodes;
  /** How notice cycles of new cases run. */
  noticePolicy: NoticePolicy;
  audit: AuditLog;
  /** Bounds the wait for every Update. */
  withinDeadline: UpdateDeadline;
}


/** Sorted keys, so the same registration always hashes the same way. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Why a case whose workflow has completed refuses an action, as its row tells (a late review request: the window or finality). */
function closedRefusal<A extends ActionName>(action: A, input: ActionInputs[A], row: Case) {
  const why = stateRefusal(action, statusOf(row), new Date(), input);
  if (!why) return {};
  return { closed: why.reason, closedFields: why.field ? [{ field: why.field, message: why.reason }] : undefined };
}

export const actorOf = (u: AuthUser): Actor => ({ id: u.id, name: u.displayName, role: u.role });

export type ListFilters = Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>;

/** The cases a list (or an export of it) shows: the filters, within what the caller may see. */
export async function listWhere(db: Db, q: ListFilters, user: AuthUser, now: Date): Promise<Prisma.CaseWhereInput> {
  const and: Prisma.CaseWhereInput[] = [];
  if (q.stage) and.push({ stage: q.stage });
  if (q.kind) and.push({ kind: q.kind });
  if (q.township) and.push({ townshipCode: q.township });
  if (q.village) and.push({ villageCode: q.village });
  if (q.extension) and.push({ extensionStatus: q.extension, stage: { not: 'closed' } });
  if (isTownshipScoped(user.role)) and.push({ townshipCode: user.townshipCode ?? '' });
  if (q.overdue === true) and.push({ stage: { not: 'closed' }, dueAt: { lt: now } });
  if (q.overdue === false) and.push({ OR: [{ stage: 'closed' }, { dueAt: null }, { dueAt: { gte: now } }] });
  if (q.q) and.push(await searchWhere(db, q.q, user));
  return { AND: and };
}

/** Overdue lists put the longest-late first (earliest running due time), work lists sorted by due date the nearest stage due date; other lists the newest first. */
export function listOrder(q: ListFilters): Prisma.CaseOrderByWithRelationInput[] {
  if (q.overdue) return [{ dueAt: 'asc' }, { id: 'asc' }];
  return q.sort === 'due' ? [{ stageDueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }] : [{ receivedAt: 'desc' }, { id: 'asc' }];
}

export function createCaseService({ db, temporal, taskQueue, policy, noticePolicy, queryCodes, audit, withinDeadline }: CaseServiceDeps) {
  /** A case the user may see, or 404: another township's case answers exactly like a missing one. */
  async function loadVisible(id: string, user: AuthUser) {
    const row = await db.case.findUnique({ where: { id }, include: { township: true, repeatOf: { select: { id: true, caseNo: true, finalAt: true } } } });
    if (!row || (isTownshipScoped(user.role) && row.townshipCode !== user.townshipCode)) throw ApiError.notFound('case');
    return row;
  }

  /**
   * Records that the user is about to see an accuser's identity (the case, or material filed with it),
   * if they are: logged before anything leaves, so no view of an accuser goes unrecorded.
   */
  async function recordIdentityView(row: Case, user: AuthUser, what: Record<string, string> = {}) {
    if (revealsConfidentialIdentity(row, user)) {
      await audit.record({ action: 'case.identity-viewed', status: 200, target: row.id, detail: { caseNo: row.caseNo, ...what } });
    }
  }

  async function detail(id: string, user: AuthUser) {
    const row = await loadVisible(id, user);
    const events = await db.caseEvent.findMany({ where: { caseId: id }, orderBy: { seq: 'asc' } });
    await recordIdentityView(row, user);
    return presentDetail(row, events, user, user.role === 'desk' ? await queryCodes.of(id) : undefined);
  }

  async function assertTownship(code: string, field: string) {
    if (!(await db.township.findUnique({ where: { code } }))) {
      throw ApiError.badRequest([{ field, message: `unknown township code "${code}"` }]);
    }
  }

  /** A registered village of the case's township; its name is the case's village. */
  async function assertVillage(code: string, township: string) {
    const v = await findVillage(db, code);
    if (!v) throw ApiError.badRequest([{ field: 'villageCode', message: `unknown village code "${code}"` }]);
    if (v.township.code !== township) throw ApiError.badRequest([{ field: 'villageCode', message: `village "${code}" is not in township ${township}` }]);
    return v;
  }

  return {
    detail,
    loadVisible,
    recordIdentityView,

    /**
     * Registers a petition. The case id derives from the caller and the Idempotency-Key, and the
     * workflow is started and asked for its case number in one call, so a retry finds the same
     * case and a crash between the two steps cannot lose one.
     */
    async register(registration: Registration, idempotencyKey: string, user: AuthUser) {
      if (new Date(registration.receivedAt).getTime() > Date.now() + 5 * 60_000) {
        throw ApiError.badRequest([{ field: 'receivedAt', message: 'must not be in the future' }]);
      }
      await assertTownship(registration.township, 'township');
      const village = registration.villageCode ? await assertVillage(registration.villageCode, registration.township) : undefined;
      const caseId = `c${sha256(`${user.id}\n${idempotencyKey}`).slice(0, 32)}`;
      const fingerprint = sha256(canonical(registration));
      const existing = await db.case.findUnique({ where: { id: caseId }, select: { requestFingerprint: true } });
      if (existing && existing.requestFingerprint !== fingerprint) {
        throw ApiError.conflict('idempotency_key_reused', 'this Idempotency-Key was already used for a different registration');
      }
      if (!existing) {
        const registered = village && !registration.village ? { ...registration, village: village.name } : registration;
        const input: CaseWorkflowInput = { caseId, registration: registered, registeredBy: actorOf(user), fingerprint, policy, calendar: await workCalendar(db), notice: noticePolicy };
        await withinDeadline(() => temporal.workflow.executeUpdateWithStart(registerUpdate, {
          args: [{ fingerprint }],
          startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW, {
            workflowId: caseId, taskQueue, args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            // A case's id is never reused, even after it closes.
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        })).catch(fromWorkflowFailure);
      }
      return { replayed: Boolean(existing), case: await detail(caseId, user) };
    },

    async list(q: z.infer<typeof listQuery>, user: AuthUser) {
      const now = new Date();
      const where = await listWhere(db, q, user, now);
      const orderBy = listOrder(q);
      const [rows, total] = await Promise.all([
        db.case.findMany({ where, orderBy, include: { township: true }, ...skipTake(q) }),
        db.case.count({ where }),
      ]);
      await recordIdentityViews(audit, user, 'list', rows, listedTextNamesAccuser);
      return { items: rows.map((r) => presentSummary(r, user, now)), total, page: q.page, pageSize: q.pageSize };
    },

    /**
     * Performs one human step through the case workflow's Update, then answers with the case as it now
     * stands. The route has checked that the user's role may take the action.
     */
    async act<A extends ActionName>(id: string, action: A, input: ActionInputs[A], user: AuthUser) {
      const row = await loadVisible(id, user);
      // The route let through the roles of any stage; the case's stage narrows them (the workflow checks again).
      // (An action the stage does not take at all is refused by the case's state, 409, not by the role.)
      const stage = row.stage as Stage;
      if (rolesFor(action, stage).length > 0) {
        const forbidden = roleRefusal(action, user.role, stage);
        if (forbidden) throw ApiError.forbidden(forbidden);
      }
      if (action === 'accept') await assertTownship((input as ActionInputs['accept']).township, 'township');
      await withinDeadline(() => temporal.workflow.getHandle(row.id).executeUpdate(actionUpdates[action], {
        args: [{ actor: actorOf(user), input }],
      })).catch((e: unknown) => fromWorkflowFailure(e, closedRefusal(action, input, row)));
      return detail(id, user);
    },
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
