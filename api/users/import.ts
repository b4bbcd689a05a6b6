// Accounts imported from a spreadsheet by the administrator: one row per user, checked whole first.
// A dry run reports every rejected row and writes nothing; a real run creates the accepted accounts,
// each with a generated first password that the report shows once and the user must change.
import type { Db } from '../../db/client';
import { ROLES, isTownshipScoped, type Role } from '../../domain/roles';
import { generatePassword } from '../auth/generated-password';
import { hashPassword } from '../auth/passwords';
import { fieldsOf, type SheetRow } from '../divisions/spreadsheet';
import { ApiError } from '../http/errors';
import { createUserSchema } from './schemas';

const HEADERS: Record<string, readonly string[]> = {
  username: ['username', '用户名', '账号'],
  displayName: ['displayname', 'display name', 'name', '姓名'],
  role: ['role', '角色'],
  townshipCode: ['township', 'townshipcode', '乡镇代码', '所属乡镇代码'],
  email: ['email', '邮箱', '电子邮箱'],
};

/** A role by its code or by the console's Chinese name for it. */
const ROLE_NAMES: Record<string, Role> = {
  信访窗口: 'desk', 乡镇经办人: 'township_officer', 乡镇领导: 'township_leader', 乡镇分管领导: 'township_leader',
  县级复核: 'county_reviewer', 分管领导: 'manager', 系统管理员: 'admin',
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
};

const rowSchema = createUserSchema.omit({ password: true });

export interface UserImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  rejected: Array<{ row: number; field: string; message: string }>;
  /** The first password of each created account, shown this once; empty for a dry run. */
  accounts: Array<{ row: number; username: string; password: string }>;
}

export async function importUsers(db: Db, rows: SheetRow[], dryRun: boolean): Promise<UserImportReport> {
  if (rows.length === 0) throw ApiError.badRequest([{ field: '(body)', message: 'has no rows under its header row' }]);
  const taken = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const townships = new Set((await db.township.findMany({ select: { code: true } })).map((t) => t.code));
  const rejected: UserImportReport['rejected'] = [];
  const accepted: Array<{ row: number; user: ReturnType<typeof rowSchema.parse> }> = [];
  for (const r of rows) {
    const fields: Record<string, string> = fieldsOf(r, HEADERS);
    if (fields.role) fields.role = ROLE_NAMES[fields.role.trim()] ?? fields.role;
    const parsed = rowSchema.safeParse(fields);
    const refuse = (field: string, message: string) => rejected.push({ row: r.row, field, message });
    if (!parsed.success) {
      for (const i of parsed.error.issues) refuse(String(i.path[0] ?? '(row)'), fields[String(i.path[0])] === undefined ? 'is required' : i.message);
      continue;
    }
    const u = parsed.data;
    const scoped = isTownshipScoped(u.role);
    if (taken.has(u.username)) refuse('username', `"${u.username}" is taken`);
    else if (scoped && !u.townshipCode) refuse('townshipCode', `is required for role "${u.role}"`);
    else if (scoped && !townships.has(u.townshipCode!)) refuse('townshipCode', `unknown township code "${u.townshipCode}"`);
    else if (!scoped && u.townshipCode) refuse('townshipCode', `must be left out for role "${u.role}"`);
    else {
      taken.add(u.username);
      accepted.push({ row: r.row, user: u });
    }
  }
  const accounts = dryRun ? [] : accepted.map((a) => ({ row: a.row, username: a.user.username, password: generatePassword(a.user.username) }));
  if (!dryRun) {
    const data = await Promise.all(accepted.map(async (a, i) => ({ ...a.user, passwordHash: await hashPassword(accounts[i]!.password), mustChangePassword: true })));
    await db.user.createMany({ data });
  }
  return { dryRun, rows: rows.length, created: accepted.length, rejected, accounts };
}
