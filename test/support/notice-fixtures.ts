// Test data for notice cycles: appraisal panels of a given shape and a way to start a cycle directly.
import crypto from 'node:crypto';
import type { AppraisalRecord } from '../../domain/appraisal';
import type { Category } from '../../domain/case';
import { DEFAULT_NOTICE_POLICY, type NoticePolicy } from '../../domain/notice';
import { NOTICE_CYCLE_WORKFLOW, type Assistance, type NoticeCycleInput, type NoticeOutcome } from '../../domain/notice-messages';
import { actor, TOWNSHIP_A } from './fixtures';
import type { Client } from '@temporalio/client';

export interface PanelShape {
  members: number;
  present: number;
  votesFor: number;
  /** Extra members with a conflict of interest, all present and not voting. */
  recused?: number;
}

/** A recorded appraisal: the first `present` members attend, the first `votesFor` of them vote for, the rest against. */
export function appraisal({ members, present, votesFor, recused = 0 }: PanelShape): AppraisalRecord {
  const panel = Array.from({ length: members }, (_, i) => ({
    name: `村民代表${i + 1}`,
    present: i < present,
    ...(i < present ? { vote: i < votesFor ? 'for' as const : 'against' as const } : {}),
  }));
  const conflicted = Array.from({ length: recused }, (_, i) => ({ name: `回避成员${i + 1}`, present: true, conflict: '系申请人近亲属' }));
  return {
    heldAt: '2026-12-10T15:00:00+08:00', place: '前进村村委会', motion: '该户是否符合低保条件', members: [...panel, ...conflicted],
  };
}

export function noticeInput(caseId: string, overrides: Partial<NoticeCycleInput> = {}): NoticeCycleInput {
  return {
    noticeId: `${caseId}-notice-${crypto.randomBytes(4).toString('hex')}`,
    caseId,
    township: TOWNSHIP_A,
    category: 'dibao' as Category,
    household: { name: `张${crypto.randomBytes(3).toString('hex')}`, village: '前进村' },
    proposed: { decision: 'grant', amount: 520 } as Assistance,
    policy: DEFAULT_NOTICE_POLICY as NoticePolicy,
    startedBy: actor('county_reviewer'),
    ...overrides,
  };
}

/** Starts a notice cycle directly, as the case workflow would start its child. */
export async function startNotice(client: Client, taskQueue: string, input: NoticeCycleInput) {
  return client.workflow.start<(i: NoticeCycleInput) => Promise<NoticeOutcome>>(NOTICE_CYCLE_WORKFLOW, {
    workflowId: input.noticeId, taskQueue, args: [input],
  });
}
