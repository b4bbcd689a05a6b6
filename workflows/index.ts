export { caseWorkflow } from './case.workflow';
export { noticeCycleWorkflow } from './notice-cycle.workflow';
export { weeklyReportWorkflow } from './weekly-report.workflow';
export { calendarBroadcastWorkflow } from './calendar-broadcast.workflow';
