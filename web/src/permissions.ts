// What the signed-in user may do, read from the same PERMISSIONS table the API enforces, so the
// console offers exactly what the server will allow.
import { PERMISSIONS, isTownshipScoped } from '../../domain/roles';
import type { User } from './api';

export function may(user: User | undefined, permission: string): boolean {
  if (!user) return false;
  return ((PERMISSIONS as Record<string, readonly string[]>)[permission] ?? []).includes(user.role);
}

export const mayPerform = (user: User | undefined, action: string) => may(user, `case.${action}`);

export const townshipScoped = (user: User | undefined) => Boolean(user && isTownshipScoped(user.role));
