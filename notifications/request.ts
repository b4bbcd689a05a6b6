// What the workflows ask the notification activity to send. Plain data, imported by workflows.
import type { Kind } from '../domain/case';
import type { PetitionerIdentity } from '../domain/personal-data';
import type { Role } from '../domain/roles';
import type { TemplateName } from './templates';

/** Users by role (township roles only within `township`), or explicit addresses such as a petitioner's. */
export type Audience =
  | { roles: Role[]; township?: string }
  | { addresses: { email: string; name?: string }[] };

/** The case a notification is about. */
export interface CaseFacts {
  caseId: string;
  caseNo: string;
  kind: Kind;
  subject: string;
  township: string;
  /** Withheld from every message to a township user when the case is an accusation. */
  petitioner?: PetitionerIdentity;
}

export interface NotificationRequest {
  /** Unique per message: a retried activity, or a replayed workflow, never sends one key twice to one address. */
  key: string;
  template: TemplateName;
  to: Audience;
  case?: CaseFacts;
  /** Template values (dates as ISO strings; templates show them in China Standard Time). */
  data: Record<string, string | number | undefined>;
}
