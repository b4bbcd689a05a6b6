// The menu: each entry shown only to the users it serves; the first one shown is the user's home.
import { ACTIONS, STAFF_ACTIONS } from '../../domain/actions';
import { QUEUE_STAGES, type Stage } from '../../domain/stages';
import type { User } from './api';
import type { Key } from './i18n';
import { may, mayTake, townshipScoped } from './permissions';

/** A stage's queue, for county users who take a step there (township users have their own list). */
const takesStepIn = (u: User, stage: Stage) => !townshipScoped(u)
  && STAFF_ACTIONS.some((a) => Array.isArray(ACTIONS[a].stages) && ACTIONS[a].stages.includes(stage) && mayTake(u, a, stage));

export interface NavItem {
  href: string;
  key: Key;
  show(user: User): boolean;
}

export const NAV: NavItem[] = [
  { href: '#/users', key: 'nav.users', show: (u) => may(u, 'users.manage') },
  { href: '#/divisions', key: 'nav.divisions', show: (u) => may(u, 'divisions.manage') },
  { href: '#/calendar', key: 'nav.calendar', show: (u) => may(u, 'calendar.manage') },
  { href: '#/bodies', key: 'nav.bodies', show: (u) => may(u, 'bodies.manage') },
  { href: '#/township', key: 'nav.township', show: (u) => townshipScoped(u) },
  { href: '#/dashboard', key: 'nav.dashboard', show: (u) => u.role === 'manager' },
  { href: '#/queue/extensions', key: 'nav.extensions', show: (u) => mayTake(u, 'approve-extension') },
  { href: '#/intake', key: 'nav.intake', show: (u) => may(u, 'cases.register') },
  ...QUEUE_STAGES.map((s): NavItem => ({ href: `#/queue/${s}`, key: `queue.${s}` as Key, show: (u) => takesStepIn(u, s) })),
  { href: '#/statistics', key: 'nav.statistics', show: (u) => may(u, 'statistics.read') },
  { href: '#/cases', key: 'nav.cases', show: (u) => may(u, 'cases.read') && !townshipScoped(u) },
];

export function menuFor(user: User): NavItem[] {
  return NAV.filter((n) => n.show(user));
}

export function homeOf(user: User): string {
  return menuFor(user)[0]?.href ?? '#/cases';
}
