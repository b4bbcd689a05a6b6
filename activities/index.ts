import type { Db } from '../db/client';
import type { MailConfig, Mailer } from '../notifications/mailer';
import { loadIssuerConfig, type IssuerConfig } from '../documents/issuer';
import { failFastOnBadData } from './bad-data';
import { createCalendarActivities } from './calendar';
import { createIssueDocument } from './issue-document';
import { createRecordEvent } from './record-event';
import { createRecordNoticeEvent } from './record-notice-event';
import { createRegisterCase } from './register-case';
import { createUpdateAssistanceList } from './update-assistance-list';
import { createBuildWeeklyReport, createMailWeeklyReport } from './weekly-report';
import { createSendNotification } from './send-notification';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  mail: Pick<MailConfig, 'locale' | 'maxAttempts'>;
  /** How written notices name their issuer; from the environment unless given. */
  issuer?: IssuerConfig;
}

/** Every activity of the worker, built from its dependencies. */
export function createActivities({ db, mailer, mail, issuer = loadIssuerConfig() }: ActivityDeps) {
  const sendNotification = createSendNotification({ db, mailer, mail });
  return {
    // The read-model writes store what people typed: data PostgreSQL refuses fails their step at once.
    registerCase: failFastOnBadData('registerCase', createRegisterCase(db)),
    recordEvent: failFastOnBadData('recordEvent', createRecordEvent(db)),
    recordNoticeEvent: failFastOnBadData('recordNoticeEvent', createRecordNoticeEvent(db)),
    updateAssistanceList: failFastOnBadData('updateAssistanceList', createUpdateAssistanceList(db)),
    buildWeeklyReport: createBuildWeeklyReport(db),
    mailWeeklyReport: createMailWeeklyReport(db, sendNotification),
    sendNotification,
    issueDocument: createIssueDocument(db, issuer),
    ...createCalendarActivities(db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
