import { ApplicationFailure } from '@temporalio/common';
import { isBadData } from '../db/bad-data';

/** The failure type of a write the database can never take: the workflow's step fails instead of retrying for ever. */
export const BAD_DATA = 'BadData';

/**
 * An activity whose write PostgreSQL refuses for its data fails once, non-retryably, naming itself;
 * its transaction stores nothing, so what was recorded before stays as it was. Other errors (the
 * database away) are retried as before.
 */
export function failFastOnBadData<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (!isBadData(e)) throw e;
      throw ApplicationFailure.create({
        type: BAD_DATA, nonRetryable: true,
        message: `${name}: the database cannot store this data (${e instanceof Error ? e.message.split('\n').at(-1) : String(e)})`,
      });
    }
  };
}
