import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { WeeklyReportInput, WeeklyReportResult } from '../domain/report-messages';
import { previousWeekStart } from '../domain/report-week';

const { buildWeeklyReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

const { mailWeeklyReport } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  // The activity gives up on a message itself after its configured number of attempts.
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/** Set by a Schedule on every run it starts: the time the run was due, not the time it started. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** Builds, stores and mails to the managers one week's analysis report (the Friday meeting's). */
export async function weeklyReportWorkflow(input: WeeklyReportInput = {}): Promise<WeeklyReportResult> {
  const info = workflowInfo();
  const dueAt = info.typedSearchAttributes.get(SCHEDULED_START) ?? info.startTime;
  const weekStart = input.weekStart ?? previousWeekStart(dueAt).toISOString();
  const result = await buildWeeklyReport({ weekStart, trigger: input.trigger ?? 'schedule' });
  await mailWeeklyReport({ weekStart, key: `weekly-report/${info.workflowId}` });
  return result;
}
