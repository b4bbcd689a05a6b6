// The weekly report workflow over skipped time: started with no week, each run reports the week
// before the one it runs in. (Schedules do not exist on the time-skipping server; the Schedule runs
// on the dev server in test/api/weekly-report.test.ts.)
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REPORT_WORKFLOW, type WeeklyReportResult } from '../../domain/report-messages';
import { addDays, previousWeekStart } from '../../domain/report-week';
import { startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

/** Runs the workflow to its end; returns its result and the (virtual) time it started. */
async function run(): Promise<WeeklyReportResult & { startedAt: Date }> {
  const handle = await kit.env.client.workflow.start(WEEKLY_REPORT_WORKFLOW, {
    workflowId: `weekly-report-${crypto.randomUUID()}`, taskQueue: kit.worker.options.taskQueue, args: [{}],
  });
  const result = await handle.result() as WeeklyReportResult;
  return { ...result, startedAt: (await handle.describe()).startTime };
}

describe('weekly report workflow', () => {
  it('reports the previous week of each run, and stores one report per week', async () => {
    const first = await run();
    expect(first.weekStart).toBe(previousWeekStart(first.startedAt).toISOString());
    await kit.env.sleep('7 days');
    const second = await run();
    expect(second.weekStart).toBe(previousWeekStart(second.startedAt).toISOString());
    expect(new Date(second.weekStart).getTime()).toBeGreaterThanOrEqual(addDays(new Date(first.weekStart), 7).getTime());
    const stored = await kit.db.weeklyReport.findMany({ where: { weekStart: { in: [new Date(first.weekStart), new Date(second.weekStart)] } }, orderBy: { weekStart: 'asc' } });
    expect(stored.map((r) => [r.weekStart.toISOString(), r.trigger])).toEqual([[first.weekStart, 'schedule'], [second.weekStart, 'schedule']]);
    expect(stored[1]!.html).toContain('信访工作周报');
  });
});
