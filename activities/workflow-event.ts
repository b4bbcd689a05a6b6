import type { Actor } from '../domain/messages';

/** One event a workflow appends to its history in the read model, with the workflow's state after it. */
export interface WorkflowEvent<View> {
  /** The workflow's event counter: unique per workflow, so a retry writes nothing twice. */
  seq: number;
  type: string;
  actor?: Actor;
  at: string;
  data: Record<string, unknown>;
  view: View;
}

/** A view's optional ISO time as a nullable column. */
export const dateColumn = (s?: string) => (s ? new Date(s) : null);
