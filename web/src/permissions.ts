// What the signed-in user may do, read from the same tables the API enforces (PERMISSIONS, and the
// action table by the case's stage), so the console offers exactly what the server will allow.
import { rolesFor, rolesForAny, type ActionName } from '../../domain/actions';
import type { Stage } from '../../domain/case';
import { PERMISSIONS, isTownshipScoped } from '../../domain/roles';
import type { User } from './api';

export function may(user: User | undefined, permission: string): boolean {
  if (!user) return false;
  return ((PERMISSIONS as Record<string, readonly string[]>)[permission] ?? []).includes(user.role);
}

/** Whether the user may take the action on a case in this stage (any stage, when none is given). */
export function mayTake(user: User | undefined, action: ActionName, stage?: Stage): boolean {
  if (!user) return false;
  const roles: readonly string[] = stage ? rolesFor(action, stage) : rolesForAny(action);
  return roles.includes(user.role);
}

export const townshipScoped = (user: User | undefined) => Boolean(user && isTownshipScoped(user.role));
