// Master data of the demo county: 21 townships, the bodies its cases go to, and one demo login per
// role (and per township).
// Idempotent: run at every start, it creates only what is missing.
import { hashPassword, verifyPassword } from '../api/auth/passwords';
import type { Db } from '../db/client';
import type { BodyKind } from '../domain/bodies';
import type { Role } from '../domain/roles';

export const DEMO_PASSWORD = 'jianjian-demo';
export const DEMO_COUNTY_CODE = '410521';
/** Written notices are issued in its name (示范县民政局). */
export const DEMO_COUNTY_NAME = '示范县';

const TOWNSHIP_NAMES = [
  '城关镇', '东风镇', '西河乡', '南山镇', '北坡乡', '柳林镇', '杨庄乡', '李集镇', '王店乡', '张桥镇', '石门乡',
  '白马镇', '青龙乡', '红星镇', '双庙乡', '高庄镇', '平原乡', '新安镇', '太平乡', '黄河镇', '马坊乡',
];

export const DEMO_TOWNSHIPS = TOWNSHIP_NAMES.map((name, i) => ({
  code: `${DEMO_COUNTY_CODE}${String(101 + i)}`,
  name,
}));

/** The bodies the demo county's cases go to (转送/交办), each with the office that receives them. */
export const DEMO_BODIES: Array<{ name: string; kind: BodyKind; contactName: string; contactPhone: string }> = [
  { name: '县教育局', kind: 'department', contactName: '办公室 孙收文', contactPhone: '0372-6201101' },
  { name: '县住房和城乡建设局', kind: 'department', contactName: '信访股 周收文', contactPhone: '0372-6201102' },
  { name: '县人力资源和社会保障局', kind: 'department', contactName: '信访股 吴收文', contactPhone: '0372-6201103' },
  { name: '县卫生健康委员会', kind: 'department', contactName: '办公室 郑收文', contactPhone: '0372-6201104' },
  { name: '县医疗保障局', kind: 'department', contactName: '办公室 冯收文', contactPhone: '0372-6201105' },
  { name: '县纪委监委', kind: 'discipline', contactName: '信访室 陈收文', contactPhone: '0372-6201106' },
  { name: '市民政局', kind: 'higher', contactName: '社会救助科 褚收文', contactPhone: '0372-5101101' },
];

type DemoUser = { username: string; displayName: string; role: Role; townshipCode?: string; email: string };

/** Demo addresses on a reserved domain: with the default outbox transport nothing leaves the machine. */
const demoEmail = (username: string) => `${username}@demo.jianjian.local`;

const perTownship = (prefix: string, role: Role, title: string): DemoUser[] => DEMO_TOWNSHIPS.map((t, i) => {
  const username = `${prefix}${String(i + 1).padStart(2, '0')}`;
  return { username, displayName: `${t.name}${title}`, role, townshipCode: t.code, email: demoEmail(username) };
});

export const DEMO_USERS: DemoUser[] = [
  { username: 'desk', email: demoEmail('desk'), displayName: '信访窗口 李登记', role: 'desk' },
  { username: 'reviewer', email: demoEmail('reviewer'), displayName: '社会救助股 王复核', role: 'county_reviewer' },
  { username: 'manager', email: demoEmail('manager'), displayName: '分管领导 赵督查', role: 'manager' },
  { username: 'admin', email: demoEmail('admin'), displayName: '系统管理员', role: 'admin' },
  ...perTownship('town', 'township_officer', '经办人'),
  ...perTownship('lead', 'township_leader', '分管领导'),
];

export async function seedDemoCounty(db: Db): Promise<void> {
  await db.township.createMany({ data: DEMO_TOWNSHIPS, skipDuplicates: true });
  await db.county.upsert({ where: { id: 1 }, create: { id: 1, code: DEMO_COUNTY_CODE, name: DEMO_COUNTY_NAME }, update: {} });
  await db.body.createMany({ data: DEMO_BODIES, skipDuplicates: true });
  const existing = new Set((await db.user.findMany({ select: { username: true } })).map((u) => u.username));
  const missing = DEMO_USERS.filter((u) => !existing.has(u.username));
  // Demo users seeded before they had addresses get them.
  const withoutEmail = await db.user.findMany({ where: { email: null, username: { in: DEMO_USERS.map((u) => u.username) } }, select: { username: true } });
  for (const { username } of withoutEmail) await db.user.update({ where: { username }, data: { email: demoEmail(username) } });
  if (missing.length === 0) return;
  // One hash for all: the demo accounts share their password anyway, and seeding stays fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.createMany({ data: missing.map((u) => ({ ...u, passwordHash })), skipDuplicates: true });
}

/** Active demo logins that still open with the published demo password: production mode refuses to start with any. */
export async function demoAccountsLeft(db: Db): Promise<string[]> {
  const users = await db.user.findMany({ where: { active: true, username: { in: DEMO_USERS.map((u) => u.username) } }, select: { username: true, passwordHash: true } });
  const left: string[] = [];
  for (const u of users) if (await verifyPassword(u.passwordHash, DEMO_PASSWORD)) left.push(u.username);
  return left;
}
