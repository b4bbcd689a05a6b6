// Who may do what: one table, enforced by the API on every endpoint and case action, and printed
// into the OpenAPI document.
import type { ActionName } from './actions';
import type { ClockActionName } from './clock-actions';
import type { ReviewActionName } from './review';

export const ROLES = ['desk', 'township_officer', 'township_leader', 'county_reviewer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that work on cases; the admin manages accounts and reads no petitions. */
const caseWorkers = ['desk', 'township_officer', 'township_leader', 'county_reviewer', 'manager'] as const;
/** A township leader does what the township's officers do, and is the one urged when they are late. */
const township = ['township_officer', 'township_leader'] as const;

export const PERMISSIONS = {
  'cases.read': caseWorkers,
  'cases.register': ['desk'],
  'townships.read': ROLES,
  // The county, its townships and villages: read by everyone, kept by the admin.
  'divisions.read': ROLES,
  'divisions.manage': ['admin'],
  // The bodies cases go to (转送/交办): read by everyone who routes or reads cases, kept by the admin.
  'bodies.read': ROLES,
  'bodies.manage': ['admin'],
  // Written notices: read with the case; their delivery recorded by whoever hands or sends them.
  'documents.read': caseWorkers,
  'documents.deliver': ['desk', 'county_reviewer'],
  'case.accept': ['desk'],
  'case.reject': ['desk'],
  'case.forward': ['desk'],
  'case.answer': ['desk'],
  'case.submit-investigation': township,
  'case.approve': ['county_reviewer'],
  'case.return': ['county_reviewer'],
  'case.reply': ['county_reviewer'],
  'case.follow-up': ['desk', ...township, 'county_reviewer'],
  'users.manage': ['admin'],
  // Partner systems filing cases through Open311, and their API keys.
  'partners.manage': ['admin'],
  // Clocks: the assignee asks for an extension or pauses; a manager decides on extensions.
  'case.request-extension': ['desk', ...township, 'county_reviewer'],
  'case.approve-extension': ['manager'],
  'case.decline-extension': ['manager'],
  'case.pause': ['desk', ...township, 'county_reviewer'],
  'case.resume': ['desk', ...township, 'county_reviewer'],
  'case.first-aid': ['desk', ...township, 'county_reviewer'],
  // The review chain: the desk takes the petitioner's request; the county records the next level's decision.
  'case.request-review': ['desk'],
  'case.decide-review': ['county_reviewer'],
  'calendar.read': ROLES,
  'calendar.manage': ['admin'],
  // Township users see their own township's row only.
  'dashboard.read': caseWorkers,
  // Township users get their own township's figures only.
  'statistics.read': caseWorkers,
  'reports.read': ['county_reviewer', 'manager'],
  'reports.trigger': ['manager'],
  'attachments.read': caseWorkers,
  'attachments.upload': ['desk', ...township, 'county_reviewer'],
  'audit.read': ['manager', 'admin'],
  'notices.read': caseWorkers,
  'notices.resolve': ['county_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function actionPermission(action: ActionName | ClockActionName | ReviewActionName): Permission {
  return `case.${action}`;
}

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Township users see only their own township's cases, and never an accuser's identity. */
export function isTownshipScoped(role: Role): boolean {
  return (township as readonly Role[]).includes(role);
}
