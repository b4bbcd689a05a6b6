// A case sent back hundreds of times, on the real time-skipping test server with its real activities on
// PostgreSQL. Its history once outgrew the server's limit (after about 340 actions the run was
// terminated); now each action adds a small, fixed amount to it and a long history continues in a new run.
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActionInput, ActionName } from '../../domain/actions';
import { actionUpdates } from '../../domain/messages';
import { HISTORY_LIMIT } from '../../workflows/case.workflow';
import { actor, inputs } from '../support/fixtures';
import { startCase, startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

const SEND_BACKS = 250;

/** Each run of a workflow, first to last, with the number of events in its history. */
async function runsOf(handle: WorkflowHandleWithFirstExecutionRunId): Promise<number[]> {
  const lengths: number[] = [];
  for (let runId: string | undefined = handle.firstExecutionRunId; runId;) {
    const events: temporal.api.history.v1.IHistoryEvent[] = (await kit.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory()).events ?? [];
    lengths.push(events.length);
    runId = events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return lengths;
}

it(`takes ${SEND_BACKS} send-backs in several runs, losing no round, event or clock`, async () => {
  const c = await startCase(kit);
  const act = <A extends ActionName>(action: A, input: ActionInput<A>, role: string) =>
    c.handle.executeUpdate(actionUpdates[action], { args: [{ actor: actor(role), input }] });
  await act('accept', inputs.accept, 'desk');
  for (let i = 1; i <= SEND_BACKS; i++) {
    await act('submit-investigation', { findings: `第${i}次调查`, proposedOutcome: 'support' }, 'township_officer');
    await act('return', { reason: `第${i}次退回` }, 'county_reviewer');
  }
  const last = await act('submit-investigation', { findings: '最终调查', proposedOutcome: 'explain' }, 'township_officer');
  // Registered, accepted, 250 rounds of two actions, the last submission.
  const events = 2 + 2 * SEND_BACKS + 1;
  expect(last).toEqual({ caseId: c.caseId, caseNo: expect.stringMatching(/^XF\d{4}-\d{6}$/), stage: 'recheck', seq: events });

  const runs = await runsOf(c.handle);
  expect(runs.length).toBeGreaterThanOrEqual(3);
  // A run ends at the first pause between steps past the limit.
  for (const length of runs) expect(length).toBeLessThan(HISTORY_LIMIT + 100);

  const view = await c.view();
  expect(view.rounds).toHaveLength(SEND_BACKS + 1);
  expect(view.rounds[0]).toMatchObject({ round: 1, findings: '第1次调查', review: { decision: 'returned', reason: '第1次退回' } });
  expect(view.rounds[SEND_BACKS]).toMatchObject({ round: SEND_BACKS + 1, findings: '最终调查' });
  const timeline = await kit.db.caseEvent.findMany({ where: { caseId: c.caseId }, orderBy: { seq: 'asc' }, select: { seq: true } });
  expect(timeline.map((e) => e.seq)).toEqual(Array.from({ length: events }, (_, i) => i + 1));
  expect(await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } })).toMatchObject({
    stage: 'recheck', investigationRounds: SEND_BACKS + 1, lastEventSeq: events,
  });

  // The last run planned the re-check clock's timers afresh: each level once.
  await kit.env.sleep('20 days');
  const levels = await kit.db.caseEvent.findMany({ where: { caseId: c.caseId, type: { in: ['warning', 'urging', 'supervision'] } }, orderBy: { seq: 'asc' } });
  expect(levels.map((e) => [e.type, (e.data as { clock: string }).clock])).toEqual([
    ['warning', 'recheck'], ['urging', 'recheck'], ['supervision', 'recheck'],
  ]);

  await act('approve', inputs.approve, 'county_reviewer');
  await act('reply', inputs.reply, 'county_reviewer');
  await act('follow-up', inputs['follow-up'], 'desk');
  await kit.env.sleep('31 days');
  const result = await c.handle.result();
  expect(result).toMatchObject({ stage: 'closed', outcome: 'replied' });
  expect(result.rounds).toHaveLength(SEND_BACKS + 1);
}, 300_000);
