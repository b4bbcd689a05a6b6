// Every Update the API sends a workflow waits at most UPDATE_TIMEOUT_SECONDS: a workflow that cannot
// answer (its worker away, a step failing) must not hold an HTTP request, and its caller, for ever.
import { WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { ApiError } from './errors';

export type UpdateDeadline = <R>(fn: () => Promise<R>) => Promise<R>;

export function createUpdateDeadline(client: Client, seconds: number): UpdateDeadline {
  return (fn) => client.withDeadline(Date.now() + seconds * 1000, fn).catch((e: unknown) => {
    if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new ApiError(504, 'update_timeout', `the case did not answer within ${seconds} s; the step may still be taken: reload the case before trying again`, undefined, { 'Retry-After': '5' });
    }
    throw e;
  });
}
