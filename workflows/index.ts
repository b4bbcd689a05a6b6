export { caseWorkflow } from './case.workflow';
export { noticeCycleWorkflow } from './notice-cycle.workflow';
