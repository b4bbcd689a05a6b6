// The demo county's year, as a deterministic plan: the same seed and anchor day always give the same
// cases, steps and texts, so the demo can run again and create nothing new. The tallies follow the
// field report's campaign (seed/ section 关于社会救助调研报告2): 1,000+ consultations, 21 help
// requests (1 to the ministry, 20 to the city and county civil-affairs departments, filed here with
// the county bureau), 112 complaints (provincial committee 1, city committee 2, county committee 5,
// county government 3, the bureau 100, the disabled persons' federation 1) and 2 accusations.
import type { ActionName } from '../domain/actions';
import type { Category, Channel, Kind } from '../domain/case';
import type { Registration } from '../domain/registration';
import { addDays } from '../domain/report-week';
import { DEMO_TOWNSHIPS } from '../prisma/seed';

/** A stage action, or the desk recording a request for 复查. */
export type DemoAction = ActionName;

export interface DemoStep {
  action: DemoAction;
  input: object;
}

export interface DemoCase {
  /** The Idempotency-Key: the seed and the case's place in the plan. */
  key: string;
  registration: Registration;
  steps: DemoStep[];
}

type Level = NonNullable<Registration['source']>['level'];

/** One line of the field report's tally: this many petitions of a kind from one source. */
interface Tally { kind: Kind; level: Level; body: string; count: number }

export const DEFAULT_CONSULTATIONS = 1036;

export function fieldReportTallies(consultations = DEFAULT_CONSULTATIONS): Tally[] {
  return [
    { kind: 'consultation', level: 'bureau', body: '县民政局', count: consultations },
    { kind: 'help', level: 'ministry', body: '民政部', count: 1 },
    { kind: 'help', level: 'bureau', body: '县民政局', count: 20 },
    { kind: 'complaint', level: 'province', body: '省委', count: 1 },
    { kind: 'complaint', level: 'city', body: '市委', count: 2 },
    { kind: 'complaint', level: 'county', body: '县委', count: 5 },
    { kind: 'complaint', level: 'county', body: '县政府', count: 3 },
    { kind: 'complaint', level: 'bureau', body: '县民政局', count: 100 },
    { kind: 'complaint', level: 'county', body: '县残联', count: 1 },
    { kind: 'accusation', level: 'bureau', body: '县民政局', count: 2 },
  ];
}

/** mulberry32: a small seeded generator, so a plan never depends on Math.random. */
function generator(seed: string) {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 0x9e3779b9);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  /** A value drawn with the given weights. */
  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs.at(-1)![0];
  };
  return { next, int, pick, weighted };
}
type Rng = ReturnType<typeof generator>;

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [Category, number]> = [
  ['dibao', 60], ['tekun', 10], ['medical', 8], ['temporary', 8], ['housing', 4], ['education', 3], ['disaster', 3], ['employment', 2], ['other', 2],
];
const BUREAU_CHANNELS: ReadonlyArray<readonly [Channel, number]> = [['visit', 60], ['phone', 25], ['letter', 10], ['online', 5]];

const SUBJECTS: Record<Category, string[]> = {
  dibao: ['低保资格被取消', '申请低保未获批准', '低保金发放标准有误', '质疑邻户享受低保', '低保复核结果有异议'],
  tekun: ['申请特困供养', '特困供养金未按时发放', '集中供养安置诉求'],
  medical: ['大病医疗救助申请', '医疗救助报销比例咨询', '住院费用救助未到位'],
  temporary: ['突发火灾申请临时救助', '临时救助金额过低', '因病致贫申请救急难'],
  housing: ['危房改造救助诉求', '公租房申请进度'],
  education: ['子女就学救助申请', '助学金发放咨询'],
  disaster: ['洪涝受灾救助', '冰雹灾害房屋受损救助'],
  employment: ['就业救助岗位咨询', '公益性岗位申请'],
  other: ['残疾人两项补贴咨询', '养老服务补贴咨询'],
};
const ACCUSATIONS = ['举报村干部优亲厚友办理低保', '举报低保评议弄虚作假'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['建国', '秀英', '桂兰', '志强', '玉梅', '国华', '明', '芳', '德胜', '凤英', '海军', '淑珍', '春生', '红霞'];
const VILLAGES = ['前进村', '和平村', '新华村', '东庄村', '西岗村', '南街社区', '北关村', '王庄村'];
const FORWARD_TO = ['县人社局', '县住建局', '县教体局', '县卫健委'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number with a correct check digit (GB 11643). */
function idNumber(rng: Rng, born: Date): string {
  const body = `410521${born.toISOString().slice(0, 10).replace(/-/g, '')}${String(rng.int(1000)).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * ID_WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

function petitioner(rng: Rng, village: string) {
  const born = new Date(Date.UTC(1940 + rng.int(60), rng.int(12), 1 + rng.int(28)));
  return {
    name: rng.pick(SURNAMES) + rng.pick(GIVEN),
    phone: `1${rng.pick(['3', '5', '8'])}${String(rng.int(1e9)).padStart(9, '0')}`,
    idNumber: idNumber(rng, born),
    address: `${village}${1 + rng.int(9)}组`,
  };
}

/** A working-day office hour (China Standard Time) `daysBefore` days before the anchor. */
function receivedAt(rng: Rng, anchor: Date, daysBefore: number): string {
  let day = addDays(anchor, -daysBefore);
  const weekday = () => new Date(day.getTime() + 8 * 3600_000).getUTCDay();
  while (weekday() === 0 || weekday() === 6) day = addDays(day, -1);
  return new Date(day.getTime() + (8.5 + rng.next() * 9) * 3600_000).toISOString();
}


/** The steps a petition takes to reach a stage, with a return round when `sentBack`. */
function stepsTo(target: string, c: { township: string; townshipName: string; subject: string; rng: Rng; sentBack: boolean; kind: Kind }): DemoStep[] {
  const { rng } = c;
  const s = (action: DemoAction, input: object): DemoStep => ({ action, input });
  if (target === 'registered') return [];
  if (target === 'answered') return [s('answer', { answer: `已当面解答“${c.subject}”的政策规定和办理流程。` })];
  if (target === 'rejected') return [s('reject', { reason: '该事项已经依法终结，不再受理', basis: '《信访工作条例》第三十一条' })];
  if (target === 'forwarded') {
    const body = c.kind === 'accusation' ? '县纪委监委' : rng.pick(FORWARD_TO);
    return [s('forward', { body, reason: `属${body}职责范围` })];
  }
  const path: DemoStep[] = [s('accept', { township: c.township, note: '属民政职责，予以受理' })];
  const findings = (round: number) => s('submit-investigation', {
    findings: `第${round}轮入户调查：走访邻里三户，核对收入和财产材料。`, proposedOutcome: rng.weighted([['support', 5], ['explain', 4], ['reject', 1]] as const),
  });
  if (target === 'investigation') return path;
  path.push(findings(1));
  if (c.sentBack) path.push(s('return', { reason: '缺少邻里走访记录，请补充' }), findings(2));
  if (target === 'recheck') return path;
  path.push(s('approve', { note: '调查属实' }));
  if (target === 'reply') return path;
  // Steps happen when the demo performs them, so the meeting and the visit are dated now.
  path.push(s('reply', {
    decision: '依规予以答复', facts: '经县乡两级调查核实，情况如下。', basis: '《社会救助暂行办法》', text: '处理意见书正文（如不服，可自收到之日起30日内申请复查）',
    meeting: {
      at: new Date().toISOString(), place: `${c.townshipName}便民服务中心`,
      attendees: [{ name: '王复核', side: 'county', title: '社会救助股股长' }, { name: `${c.townshipName}分管领导`, side: 'township' }],
    },
  }));
  if (target === 'follow_up') return path;
  const unsatisfied = target === 'review';
  // The draw happens either way, so the rest of the plan stays the same for a given seed.
  path.push(s('follow-up', {
    at: new Date().toISOString(), response: rng.weighted([['satisfied', 75], ['basically_satisfied', 18], ['unsatisfied', 7]] as const), note: '当面回访',
    ...(unsatisfied ? { response: 'unsatisfied' } : {}),
  }));
  if (unsatisfied) path.push(s('request-review', { reason: '对处理意见不服，申请复查', body: '市民政局' }));
  return path;
}

/** Where a petition of this age is now: old ones mostly closed, recent ones spread over the stages. */
function target(rng: Rng, kind: Kind, age: number, index: number): string {
  if (kind === 'consultation') return age <= 2 ? 'registered' : 'answered';
  // A few older petitions never accepted: overdue at acceptance.
  if (age > 15 && age <= 90 && index % 12 === 0) return 'registered';
  if (age < 30) return ['registered', 'investigation', 'recheck', 'reply', 'follow_up', 'review'][index % 6]!;
  if (age < 75) return rng.weighted([['closed', 30], ['follow_up', 20], ['review', 5], ['reply', 15], ['recheck', 15], ['investigation', 15]] as const);
  return rng.weighted([['closed', 80], ['rejected', 8], ['forwarded', 7], ['investigation', 3], ['recheck', 2]] as const);
}

export interface PlanOptions {
  seed: string;
  /** The end of the demo year (midnight China Standard Time); petitions arrive during the 365 days before. */
  anchor: Date;
  consultations?: number;
}

export function demoPlan({ seed, anchor, consultations = DEFAULT_CONSULTATIONS }: PlanOptions): DemoCase[] {
  const rng = generator(seed);
  const petitions = fieldReportTallies(consultations).flatMap((t) => Array.from({ length: t.count }, () => t));
  return petitions.map((t, i): DemoCase => {
    const age = 1 + rng.int(365);
    const t0 = DEMO_TOWNSHIPS[rng.int(DEMO_TOWNSHIPS.length)]!;
    const category = t.kind === 'accusation' ? 'dibao' : rng.weighted(CATEGORY_WEIGHTS);
    const subject = t.kind === 'accusation' ? rng.pick(ACCUSATIONS) : rng.pick(SUBJECTS[category]);
    const village = rng.pick(VILLAGES);
    const forwarded = t.level !== 'bureau';
    const received = receivedAt(rng, anchor, age);
    const registration: Registration = {
      channel: forwarded ? 'forwarded' : rng.weighted(BUREAU_CHANNELS),
      kind: t.kind,
      source: { level: t.level, body: t.body, ...(forwarded ? { reference: `${t.body}信转〔${received.slice(0, 4)}〕${1 + rng.int(300)}号` } : {}) },
      township: t0.code,
      village,
      category,
      subject,
      facts: `信访人反映：${subject}。经初步了解，涉及${village}，家庭人口${1 + rng.int(6)}人。`,
      request: t.kind === 'consultation' ? '咨询相关政策和办理程序' : '请求依法依规核查处理',
      anonymous: false,
      petitioner: petitioner(rng, village),
      receivedAt: received,
    };
    const goal = target(rng, t.kind, age, i);
    const steps = stepsTo(goal, { township: t0.code, townshipName: t0.name, subject, rng, sentBack: rng.next() < 0.15, kind: t.kind });
    return { key: `demo-${seed}-${String(i).padStart(5, '0')}`, registration, steps };
  });
}
