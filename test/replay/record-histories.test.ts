// Records the workflow histories that test/replay/replay.test.ts replays. Runs only with
// RECORD_HISTORIES=1 (`npm run replay:record`), and writes every scenario afresh: before the release
// tagged v1.0.0 the workflows change freely and their histories are re-recorded (docs/versioning.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { actionUpdates, calendarSignal, type CaseView } from '../../domain/messages';
import { DEFAULT_NOTICE_POLICY, THREE_ROUNDS } from '../../domain/notice';
import type { NoticePhase } from '../../domain/notice';
import { noticeViewQuery, objectUpdate, resolveObjectionsUpdate } from '../../domain/notice-messages';
import { WEEKLY_REPORT_WORKFLOW } from '../../domain/report-messages';
import { appraisal, noticeInput, startNotice } from '../support/notice-fixtures';
import { inputs, TEST_CALENDAR } from '../support/fixtures';
import { saveHistory } from './history-file';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));

/** Sends an action's Update as the API would. */
const clockAct = (c: TestCase, action: string, input: unknown, role: string) =>
  c.handle.executeUpdate<CaseView, [unknown]>(action, { args: [{ actor: { id: role, name: role, role }, input }] });

/** A notice cycle started directly, as a case's reply would start it; its own history is the one saved. */
async function notice(kit: ClockTestKit, overrides: Parameters<typeof noticeInput>[1] = {}) {
  const c = await startCase(kit);
  return startNotice(kit.env.client, kit.worker.options.taskQueue, noticeInput(c.caseId, overrides));
}

/** Skips a day at a time until the notice cycle is in the phase (a notice ends at 24:00 of its last day). */
async function untilPhase(kit: ClockTestKit, handle: WorkflowHandle, phase: NoticePhase, round?: number): Promise<void> {
  for (let day = 0; day < 30; day++) {
    const v = await handle.query(noticeViewQuery);
    if (v.phase === phase && (round === undefined || v.round === round)) return;
    await kit.env.sleep('1 day');
  }
  throw new Error(`the notice never reached ${phase}`);
}

/** Each scenario answers the workflow whose history is saved, once it has run to its end. */
const scenarios: Record<string, (kit: ClockTestKit) => Promise<WorkflowHandle>> = {
  'consultation-answered': async (kit) => {
    const c = await startCase(kit, { kind: 'consultation' });
    await c.act('answer', inputs.answer);
    return c.handle;
  },
  // Past the acceptance limit: warned, urged and supervised before the rejection.
  'rejected-after-escalation': async (kit) => {
    const c = await startCase(kit);
    await kit.env.sleep('25 days');
    await c.act('reject', inputs.reject);
    return c.handle;
  },
  forwarded: async (kit) => {
    const c = await startCase(kit);
    await c.act('forward', inputs.forward);
    return c.handle;
  },
  // Every step a case can take: a pause, a send-back, an extension, a new calendar, a notice cycle,
  // the petitioner's satisfaction and the review chain to 终结.
  'full-path-to-final': async (kit) => {
    const c = await startCase(kit, { petitioner: { name: '张三', email: 'zhangsan@example.cn' } });
    await clockAct(c, 'pause', { reason: 'materials' }, 'desk');
    await kit.env.sleep('2 days');
    await clockAct(c, 'resume', {}, 'desk');
    await c.act('accept', inputs.accept);
    await kit.env.sleep('3 days');
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('return', { reason: '缺少邻里走访记录' }, 'county_reviewer');
    await clockAct(c, 'request-extension', { days: 15, reason: '需组织听证' }, 'township_officer');
    await clockAct(c, 'approve-extension', {}, 'manager');
    await c.handle.signal(calendarSignal, { ...TEST_CALENDAR, version: TEST_CALENDAR.version + 1, holidays: [...TEST_CALENDAR.holidays, '2099-01-01'] });
    await c.act('submit-investigation', { findings: '补充邻里走访', proposedOutcome: 'explain' }, 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', { ...inputs.reply, assistance: { household: { name: '孙七', village: '前进村' }, decision: 'grant', amount: 450 } }, 'county_reviewer');
    await c.handle.executeUpdate(actionUpdates['petitioner-satisfaction'], { args: [{ input: { response: 'unsatisfied' } }] });
    await c.act('follow-up', { ...inputs['follow-up'], response: 'unsatisfied' });
    await kit.env.sleep('10 days');
    await clockAct(c, 'request-review', { reason: '对答复意见不服', body: '市民政局' }, 'desk');
    await kit.env.sleep('20 days');
    await clockAct(c, 'decide-review', { result: 'upheld', opinion: '维持' }, 'county_reviewer');
    await clockAct(c, 'request-review', { reason: '对复查意见不服', body: '省民政厅' }, 'desk');
    await clockAct(c, 'decide-review', { result: 'upheld', opinion: '维持' }, 'county_reviewer');
    return c.handle;
  },
  // Closed at the follow-up; nobody asks for 复查, and the window lapses.
  'review-window-lapsed': async (kit) => {
    const c = await startCase(kit);
    await c.act('accept', inputs.accept);
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', inputs.reply, 'county_reviewer');
    await c.act('follow-up', inputs['follow-up']);
    return c.handle;
  },
  // Past the 48 hours: warned and urged, then the first aid stops the clock before supervision.
  'urgent-first-aid-late': async (kit) => {
    const c = await startCase(kit, { kind: 'help', category: 'temporary', urgent: true });
    await kit.env.sleep('50 hours');
    await clockAct(c, 'first-aid', { aid: '发放临时救助金', amount: 3000 }, 'township_officer');
    await c.act('reject', inputs.reject);
    return c.handle;
  },
  'continued-as-new-first-run': async (kit) => {
    const c = await sendBackUntilContinued(kit);
    return kit.env.client.workflow.getHandle(c.caseId, c.handle.firstExecutionRunId);
  },
  'continued-as-new-last-run': async (kit) => (await sendBackUntilContinued(kit)).handle,
  'notice-without-objections': (kit) => notice(kit),
  'notice-objection-appraisal': async (kit) => {
    const handle = await notice(kit);
    await handle.executeUpdate(objectUpdate, { args: [{ reason: '该户收入不实', name: '李四' }] });
    await untilPhase(kit, handle, 'review');
    await handle.executeUpdate(resolveObjectionsUpdate, {
      args: [{ actor: { id: 'r', name: 'r', role: 'county_reviewer' }, input: { method: 'appraisal', appraisal: appraisal({ members: 15, present: 12, votesFor: 7 }), revised: { decision: 'deny' } } }],
    });
    return handle;
  },
  'notice-three-rounds': async (kit) => {
    const handle = await notice(kit, { policy: { ...DEFAULT_NOTICE_POLICY, rounds: THREE_ROUNDS } });
    await untilPhase(kit, handle, 'first_notice', 2);
    await handle.executeUpdate(objectUpdate, { args: [{ reason: '乡镇公示期间的异议' }] });
    await untilPhase(kit, handle, 'review');
    await handle.executeUpdate(resolveObjectionsUpdate, {
      args: [{ actor: { id: 'r', name: 'r', role: 'county_reviewer' }, input: { method: 'reinvestigation', findings: '乡镇复查属实', upheld: true } }],
    });
    return handle;
  },
  'weekly-report': (kit) => kit.env.client.workflow.start(WEEKLY_REPORT_WORKFLOW, {
    workflowId: `weekly-report-${crypto.randomUUID()}`, taskQueue: kit.worker.options.taskQueue, args: [{}],
  }),
};

/** A case whose history outgrows a small limit in a send-back loop, continues as new, and closes. */
async function sendBackUntilContinued(kit: ClockTestKit): Promise<TestCase> {
  const c = await startCase(kit, {}, undefined, undefined, { historyLimit: 100 });
  await c.act('accept', inputs.accept);
  for (let i = 0; i < 6; i++) {
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('return', { reason: '缺少邻里走访记录' }, 'county_reviewer');
  }
  await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
  await kit.env.sleep('10 days');
  await c.act('approve', inputs.approve, 'county_reviewer');
  await c.act('reply', inputs.reply, 'county_reviewer');
  await c.act('follow-up', inputs['follow-up']);
  await kit.env.sleep('31 days');
  return c;
}

describe.skipIf(!process.env.RECORD_HISTORIES)('record case workflow histories', () => {
  let kit: ClockTestKit;
  beforeAll(async () => {
    fs.mkdirSync(HISTORIES, { recursive: true });
    // Saved in plain text, so they can be read and replay with the default converter.
    kit = await startTimeSkipping({}, { plaintext: true });
  });
  afterAll(async () => { await kit?.stop(); });

  for (const [name, run] of Object.entries(scenarios)) {
    it(name, async () => {
      const handle = await run(kit);
      await handle.result();
      saveHistory(path.join(HISTORIES, `${name}.json`), await handle.fetchHistory());
    });
  }
});
