import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import type { FieldError } from '../../domain/actions';
import { FailureType } from '../../domain/messages';
import { ApiError } from '../http/errors';

/** Maps a refusal from the case workflow to the API's error; anything else is rethrown as is. */
export function fromWorkflowFailure(e: unknown): never {
  if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
    const f = e.cause;
    const details = (f.details?.[0] ?? {}) as { fields?: FieldError[] };
    switch (f.type) {
      case FailureType.invalidInput: throw ApiError.badRequest(details.fields ?? [], f.message);
      case FailureType.actionNotAllowed: throw ApiError.conflict('action_not_allowed', f.message);
      case FailureType.idempotencyConflict: throw ApiError.conflict('idempotency_key_reused', f.message);
    }
  }
  // A workflow that has finished takes no more actions: its case is closed.
  if (e instanceof WorkflowNotFoundError || (e instanceof Error && /workflow execution already completed/i.test(e.message))) {
    throw ApiError.conflict('action_not_allowed', 'the case is closed and takes no more actions');
  }
  throw e;
}
