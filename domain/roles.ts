// Who may do what: one table of permissions, enforced by the API on every endpoint and printed into
// the OpenAPI document. Who may take an action on a case depends on the case's stage too: that is
// the action table's (domain/actions.ts), built on the roles and leaders here.
import type { EscalationLevel } from './clocks';
import type { Label } from './stages';

/** Every role, by its name, and how the console names it. */
export const ROLE_TABLE = {
  desk: { zh: '信访窗口', en: 'Complaint desk' },
  township_officer: { zh: '乡镇经办人', en: 'Township officer' },
  township_leader: { zh: '乡镇领导', en: 'Township leader' },
  county_reviewer: { zh: '县级复核', en: 'County reviewer' },
  manager: { zh: '分管领导', en: 'Manager' },
  admin: { zh: '系统管理员', en: 'Administrator' },
} as const satisfies Record<string, Label>;

export type Role = keyof typeof ROLE_TABLE;
export const ROLES = Object.keys(ROLE_TABLE) as [Role, ...Role[]];

/** A role as the database stores it (text): the API writes only the roles above. */
export function roleOf(stored: string): Role {
  if (!Object.hasOwn(ROLE_TABLE, stored)) throw new Error(`unknown role "${stored}" in the database`);
  return stored as Role;
}

/** The roles that work on cases; the admin manages accounts and reads no petitions. */
const caseWorkers = ['desk', 'township_officer', 'township_leader', 'county_reviewer', 'manager'] as const;
/** A township leader does what the township's officers do, and is the one urged when they are late. */
export const TOWNSHIP = ['township_officer', 'township_leader'] as const;

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
  'users.manage': ['admin'],
  // Partner systems filing cases through Open311, and their API keys.
  'partners.manage': ['admin'],
  'calendar.read': ROLES,
  'calendar.manage': ['admin'],
  // Township users see their own township's row only.
  'dashboard.read': caseWorkers,
  // Township users get their own township's figures only.
  'statistics.read': caseWorkers,
  'reports.read': ['county_reviewer', 'manager'],
  'reports.trigger': ['manager'],
  'attachments.read': caseWorkers,
  'attachments.upload': ['desk', ...TOWNSHIP, 'county_reviewer'],
  'audit.read': ['manager', 'admin'],
  'notices.read': caseWorkers,
  'notices.resolve': ['county_reviewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function allows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Township users see only their own township's cases, and never an accuser's identity. */
export function isTownshipScoped(role: Role): boolean {
  return (TOWNSHIP as readonly Role[]).includes(role);
}

/** The roles an accuser's identity is withheld from: the townships, where the accused may work. */
const ACCUSER_WITHHELD_FROM: readonly Role[] = TOWNSHIP;
export const withholdsAccusers = (role: Role) => ACCUSER_WITHHELD_FROM.includes(role);

/** Who answers above a role when its work runs late: its leader, urged with it, and who supervises it. */
interface AnswersTo {
  leader: Role;
  supervisor: Role;
}

const COUNTY_LINE: AnswersTo = { leader: 'manager', supervisor: 'manager' };
const ANSWERS_TO: Partial<Record<Role, AnswersTo>> = {
  township_officer: { leader: 'township_leader', supervisor: 'manager' },
};
const answersTo = (role: Role): AnswersTo => ANSWERS_TO[role] ?? COUNTY_LINE;
export const leaderOf = (role: Role): Role => answersTo(role).leader;

/**
 * Who hears of each level of a clock's escalation ladder: the clock's owner (the party whose work it
 * measures) is warned (预警); the owner and its leader are urged (催办); its supervisor supervises (督办).
 */
export const ESCALATION_AUDIENCE: Record<EscalationLevel, readonly (keyof AnswersTo | 'owner')[]> = {
  warning: ['owner'],
  urging: ['owner', 'leader'],
  supervision: ['supervisor'],
};

export function escalationAudienceOf(level: EscalationLevel, owner: Role | undefined): Role[] {
  const chain = owner ? { owner, ...answersTo(owner) } : { owner: undefined, ...COUNTY_LINE };
  const roles = ESCALATION_AUDIENCE[level].map((who) => chain[who]);
  return [...new Set(roles.filter((r): r is Role => r !== undefined))];
}
