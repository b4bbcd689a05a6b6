// Who may do what: one table, enforced by the API on every endpoint and case action, and printed
// into the OpenAPI document.
import type { ActionName } from './actions';

export const ROLES = ['desk', 'township_officer', 'county_reviewer', 'manager'] as const;
export type Role = (typeof ROLES)[number];

const everyone = ROLES;

export const PERMISSIONS = {
  'cases.read': everyone,
  'cases.register': ['desk'],
  'townships.read': everyone,
  'case.accept': ['desk'],
  'case.reject': ['desk'],
  'case.forward': ['desk'],
  'case.answer': ['desk'],
  'case.submit-investigation': ['township_officer'],
  'case.approve': ['county_reviewer'],
  'case.return': ['county_reviewer'],
  'case.reply': ['county_reviewer'],
  'case.follow-up': ['desk', 'township_officer', 'county_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function actionPermission(action: ActionName): Permission {
  return `case.${action}`;
}

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Township users see only their own township's cases. */
export function isTownshipScoped(role: Role): boolean {
  return role === 'township_officer';
}
