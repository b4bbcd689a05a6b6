import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { FieldError } from '../../domain/text';
import { FailureType } from '../../domain/messages';
import { ApiError } from '../http/errors';

/**
 * Maps a refusal from a workflow (a case's, or a notice cycle's) to the API's error; anything else is
 * rethrown as is. `conflictCode` names a refusal for the state the workflow is in; `closed` explains
 * a refusal by a workflow that has finished, and `closedFields` the input at fault in it, if any.
 */
export function fromWorkflowFailure(
  e: unknown,
  { conflictCode = 'action_not_allowed', closed = 'the case is closed and takes no more actions', closedFields = undefined as FieldError[] | undefined } = {},
): never {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const f = e.cause;
    const details = (f.details?.[0] ?? {}) as { fields?: FieldError[] };
    switch (f.type) {
      case FailureType.invalidInput: throw ApiError.badRequest(details.fields ?? [], f.message);
      case FailureType.actionNotAllowed: throw ApiError.conflict(conflictCode, f.message, details.fields);
      case FailureType.idempotencyConflict: throw ApiError.conflict('idempotency_key_reused', f.message);
    }
  }
  // A workflow that has finished takes no more actions.
  if (e instanceof WorkflowNotFoundError || (e instanceof Error && /workflow execution already completed/i.test(e.message))) {
    throw ApiError.conflict(conflictCode, closed, closedFields);
  }
  throw e;
}
