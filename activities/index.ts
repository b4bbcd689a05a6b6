import type { Db } from '../db/client';
import { createRecordEvent } from './record-event';
import { createRegisterCase } from './register-case';

export interface ActivityDeps {
  db: Db;
}

/** Every activity of the worker, built from its dependencies. */
export function createActivities({ db }: ActivityDeps) {
  return {
    registerCase: createRegisterCase(db),
    recordEvent: createRecordEvent(db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
