import type { Db } from '../db/client';
import { createRecordEvent } from './record-event';
import { createRecordNoticeEvent } from './record-notice-event';
import { createRegisterCase } from './register-case';
import { createUpdateAssistanceList } from './update-assistance-list';
import { createBuildWeeklyReport } from './weekly-report';

export interface ActivityDeps {
  db: Db;
}

/** Every activity of the worker, built from its dependencies. */
export function createActivities({ db }: ActivityDeps) {
  return {
    registerCase: createRegisterCase(db),
    recordEvent: createRecordEvent(db),
    recordNoticeEvent: createRecordNoticeEvent(db),
    updateAssistanceList: createUpdateAssistanceList(db),
    buildWeeklyReport: createBuildWeeklyReport(db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
