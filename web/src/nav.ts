// The menu: each entry shown only to the users it serves; the first one shown is the user's home.
import type { User } from './api';
import type { Key } from './i18n';
import { may, townshipScoped } from './permissions';

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
  { href: '#/queue/extensions', key: 'nav.extensions', show: (u) => may(u, 'case.approve-extension') },
  { href: '#/intake', key: 'nav.intake', show: (u) => may(u, 'cases.register') },
  { href: '#/queue/acceptance', key: 'nav.acceptance', show: (u) => may(u, 'case.accept') },
  { href: '#/queue/recheck', key: 'nav.recheck', show: (u) => may(u, 'case.approve') },
  { href: '#/queue/reply', key: 'nav.reply', show: (u) => may(u, 'case.reply') },
  { href: '#/queue/follow-up', key: 'nav.followUp', show: (u) => may(u, 'case.follow-up') && !townshipScoped(u) },
  { href: '#/statistics', key: 'nav.statistics', show: (u) => may(u, 'statistics.read') },
  { href: '#/cases', key: 'nav.cases', show: (u) => may(u, 'cases.read') && !townshipScoped(u) },
];

export function menuFor(user: User): NavItem[] {
  return NAV.filter((n) => n.show(user));
}

export function homeOf(user: User): string {
  return menuFor(user)[0]?.href ?? '#/cases';
}
