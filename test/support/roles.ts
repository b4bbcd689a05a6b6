// One demo login per role, township users from the same township, for tests that go role by role.
import { ROLES, isTownshipScoped, type Role } from '../../domain/roles';
import { DEMO_USERS } from '../../prisma/seed';
import type { ApiStack } from './api-stack';

/** The demo username of `role`, in `township` for township roles. */
export function demoUser(role: Role, township: string): string {
  const u = DEMO_USERS.find((x) => x.role === role && (!isTownshipScoped(role) || x.townshipCode === township));
  if (!u) throw new Error(`no demo user with role ${role}${isTownshipScoped(role) ? ` in ${township}` : ''}`);
  return u.username;
}

/** A token for every role. */
export async function loginEveryRole(api: ApiStack, township: string): Promise<Record<Role, string>> {
  const tokens = await Promise.all(ROLES.map((r) => api.login(demoUser(r, township))));
  return Object.fromEntries(ROLES.map((r, i) => [r, tokens[i]!])) as Record<Role, string>;
}
