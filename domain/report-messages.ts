// The weekly report workflow's name, input and result, shared by the worker, the schedule and the API.
export const WEEKLY_REPORT_WORKFLOW = 'weeklyReportWorkflow';

export type ReportTrigger = 'schedule' | 'manual';

export interface WeeklyReportInput {
  /**
   * The Monday 00:00 China Standard Time (ISO) of the week to report; none: the week before the
   * run's scheduled time, so a run caught up days late still reports the week it was meant for.
   */
  weekStart?: string;
  trigger?: ReportTrigger;
}

export interface WeeklyReportResult {
  weekStart: string;
  received: number;
  closed: number;
  overdue: number;
}
