// Records histories of the case workflow for test/replay/replay.test.ts. Runs only with
// RECORD_HISTORIES=1 (`npm run replay:record`). Existing files are never overwritten: each one guards
// workflows that were started under the code that wrote it, so add new scenarios under new names.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { calendarSignal, petitionerSatisfactionUpdate, reviewActionUpdates, type CaseView } from '../../domain/messages';
import { objectUpdate, resolveObjectionsUpdate } from '../../domain/notice-messages';
import { appraisal, noticeInput, startNotice } from '../support/notice-fixtures';
import { inputs, TEST_CALENDAR } from '../support/fixtures';
import { saveHistory } from './history-file';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));

/** Sends a clock action's Update as the API would. */
const clockAct = (c: TestCase, action: string, input: unknown, role: string) =>
  c.handle.executeUpdate<CaseView, [unknown]>(action, { args: [{ actor: { id: role, name: role, role }, input }] });

/**
 * Scenarios by file name; the name says the code generation (v1 = the foundation's workflow, v2 = with
 * clocks, v3 = with the review chain and notice cycles, v4 = with the first-aid clock of urgent help requests,
 * v5 = continuing as new when the history is long).
 */
const scenarios: Record<string, (kit: ClockTestKit) => Promise<TestCase>> = {
  'v1-happy-path-with-send-back': async (kit) => {
    const c = await startCase(kit);
    await kit.env.sleep('2 days');
    await c.act('accept', inputs.accept);
    await kit.env.sleep('3 days');
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('return', { reason: '缺少邻里走访记录' }, 'county_reviewer');
    await c.act('submit-investigation', { findings: '补充邻里走访', proposedOutcome: 'explain' }, 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', inputs.reply, 'county_reviewer');
    await c.act('follow-up', inputs['follow-up']);
    return c;
  },
  'v1-rejected': async (kit) => {
    const c = await startCase(kit);
    await c.act('reject', inputs.reject);
    return c;
  },
  'v1-consultation-answered': async (kit) => {
    const c = await startCase(kit, { kind: 'consultation' });
    await c.act('answer', inputs.answer);
    return c;
  },
  'v2-clocks-escalated-then-rejected': async (kit) => {
    const c = await startCase(kit);
    await kit.env.sleep('25 days');
    await c.act('reject', inputs.reject);
    return c;
  },
  'v2-clocks-pause-extension-calendar': async (kit) => {
    const c = await startCase(kit, { petitioner: { name: '张三', email: 'zhangsan@example.cn' } });
    await c.act('accept', inputs.accept);
    await clockAct(c, 'pause', { reason: 'hearing' }, 'county_reviewer');
    await kit.env.sleep('3 days');
    await clockAct(c, 'resume', {}, 'county_reviewer');
    await clockAct(c, 'request-extension', { days: 15, reason: '需组织听证' }, 'county_reviewer');
    await clockAct(c, 'approve-extension', {}, 'manager');
    await c.handle.signal(calendarSignal, { ...TEST_CALENDAR, version: TEST_CALENDAR.version + 1, holidays: [...TEST_CALENDAR.holidays, '2099-01-01'] });
    await kit.env.sleep('20 days');
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', inputs.reply, 'county_reviewer');
    await c.act('follow-up', inputs['follow-up']);
    return c;
  },
  'v3-review-chain-final-with-notice': async (kit) => {
    const c = await startCase(kit);
    const review = (action: 'request-review' | 'decide-review', input: unknown, role: string) =>
      c.handle.executeUpdate(reviewActionUpdates[action], { args: [{ actor: { id: role, name: role, role }, input: input as never }] });
    await c.act('accept', inputs.accept);
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', { ...inputs.reply, assistance: { household: { name: '孙七', village: '前进村' }, decision: 'grant', amount: 450 } }, 'county_reviewer');
    await c.act('follow-up', { ...inputs['follow-up'], response: 'unsatisfied' });
    await kit.env.sleep('10 days');
    await review('request-review', { reason: '对答复意见不服', body: '市民政局' }, 'desk');
    await kit.env.sleep('20 days');
    await review('decide-review', { result: 'upheld', opinion: '维持' }, 'county_reviewer');
    await review('request-review', { reason: '对复查意见不服', body: '省民政厅' }, 'desk');
    await review('decide-review', { result: 'upheld', opinion: '维持' }, 'county_reviewer');
    return c;
  },
  'v3-review-window-lapsed-after-satisfaction': async (kit) => {
    const c = await startCase(kit);
    await c.act('accept', inputs.accept);
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', inputs.reply, 'county_reviewer');
    await c.handle.executeUpdate(petitionerSatisfactionUpdate, { args: [{ response: 'basically_satisfied' }] });
    await c.act('follow-up', inputs['follow-up']);
    return c;
  },
  'v3-notice-cycle-objection-appraisal': async (kit) => {
    const c = await startCase(kit);
    const input = noticeInput(c.caseId);
    const handle = await startNotice(kit.env.client, kit.worker.options.taskQueue, input);
    await handle.executeUpdate(objectUpdate, { args: [{ reason: '该户收入不实', name: '李四' }] });
    await kit.env.sleep('7 days');
    await handle.executeUpdate(resolveObjectionsUpdate, {
      args: [{ actor: { id: 'r', name: 'r', role: 'county_reviewer' }, input: { method: 'appraisal', appraisal: appraisal({ members: 15, present: 12, votesFor: 7 }), revised: { decision: 'deny' } } }],
    });
    // The saved history is the notice cycle's own.
    return { ...c, handle } as unknown as TestCase;
  },
  'v4-emergency-first-aid-late': async (kit) => {
    const c = await startCase(kit, { kind: 'help', category: 'temporary', urgent: true });
    // Past the 48 hours: warned and urged, then the first aid stops the clock before supervision.
    await kit.env.sleep('50 hours');
    await clockAct(c, 'first-aid', { aid: '发放临时救助金', amount: 3000 }, 'township_officer');
    await c.act('accept', inputs.accept);
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    await c.act('approve', inputs.approve, 'county_reviewer');
    await c.act('reply', inputs.reply, 'county_reviewer');
    await c.act('follow-up', inputs['follow-up']);
    return c;
  },
  'v5-continued-as-new-first-run': async (kit) => {
    const c = await sendBackUntilContinued(kit);
    return { ...c, handle: kit.env.client.workflow.getHandle(c.caseId, c.handle.firstExecutionRunId) } as TestCase;
  },
  'v5-continued-as-new-last-run': sendBackUntilContinued,
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
  beforeAll(async () => { kit = await startTimeSkipping(); });
  afterAll(async () => { await kit?.stop(); });

  for (const [name, run] of Object.entries(scenarios)) {
    const file = path.join(HISTORIES, `${name}.json`);
    it.skipIf(fs.existsSync(file))(name, async () => {
      const c = await run(kit);
      await c.handle.result();
      saveHistory(file, await c.handle.fetchHistory());
    });
  }
});
