// The Schedule that starts the weekly report: created by `npm run setup`, or brought up to date with
// the configuration when it exists. Only setup touches it: workers start and stop without changing it.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { WEEKLY_REPORT_WORKFLOW, type WeeklyReportInput } from '../domain/report-messages';
import type { TemporalConfig } from '../temporal.config';

export function weeklyReportSchedule(config: TemporalConfig): ScheduleOptions | undefined {
  const r = config.weeklyReport;
  if (!r.cron) return undefined;
  const input: WeeklyReportInput = { trigger: 'schedule' };
  return {
    scheduleId: r.scheduleId,
    spec: { cronExpressions: [r.cron], timezone: r.timezone },
    action: {
      type: 'startWorkflow', workflowType: WEEKLY_REPORT_WORKFLOW, taskQueue: config.taskQueue,
      // The Schedule appends each run's scheduled time to this id.
      workflowId: r.scheduleId, args: [input],
    },
    policies: {
      // Runs missed while the server or workers were down are still taken this long afterwards,
      // one after another; each reports the week its scheduled time belongs to.
      catchupWindow: `${r.catchupDays} days`,
      overlap: ScheduleOverlapPolicy.BUFFER_ALL,
    },
  };
}

/** Creates the weekly report Schedule, or updates it to the configuration; removes it when the configuration turns it off. */
export async function ensureWeeklyReportSchedule(client: Client, config: TemporalConfig): Promise<'created' | 'updated' | 'off'> {
  const options = weeklyReportSchedule(config);
  if (!options) {
    await client.schedule.getHandle(config.weeklyReport.scheduleId).delete().catch(() => undefined);
    return 'off';
  }
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
  }
  await client.schedule.getHandle(options.scheduleId).update((previous) => ({
    ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies },
  }));
  return 'updated';
}
