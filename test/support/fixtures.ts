// Shared test data: a valid registration and a valid input for every action.
import crypto from 'node:crypto';
import type { ActionInput, ActionName } from '../../domain/actions';

/** The actions that move a case from stage to stage. */
export type StageAction = 'accept' | 'reject' | 'forward' | 'answer' | 'submit-investigation' | 'approve' | 'return' | 'reply' | 'follow-up';
import type { Actor } from '../../domain/messages';
import type { Registration } from '../../domain/registration';
import { DEMO_TOWNSHIPS } from '../../prisma/seed';
import { OFFICIAL_CALENDAR, toWorkCalendar } from '../../domain/official-calendar';

/** The shipped official calendar, as a case registered through the API would carry it. */
export const TEST_CALENDAR = toWorkCalendar(OFFICIAL_CALENDAR, 0);

export const TOWNSHIP_A = DEMO_TOWNSHIPS[0]!.code;
export const TOWNSHIP_B = DEMO_TOWNSHIPS[1]!.code;

/** Test files that count a township's cases each own one township, so cases another file
 *  registers (the suite shares one database) never change their totals. Taken here, in one place. */
const OWNERS = {
routes: 13, emergency: 14, console: 15, exports: 16, mail: 17, clocks: 18, stageDurations: 19, statistics: 20,
} as const;
export const ownTownship = (owner: keyof typeof OWNERS) => DEMO_TOWNSHIPS[OWNERS[owner]]!;

export function registration(overrides: Partial<Registration> = {}): Registration {
  return {
    channel: 'visit',
    kind: 'complaint',
    township: TOWNSHIP_A,
    village: '前进村',
    category: 'dibao',
    subject: '低保资格被取消',
    facts: '申请人反映其家庭低保于今年被取消，但家庭收入未变化。',
    request: '请求恢复低保待遇',
    petitioner: { name: '张三', phone: '13800000000', idNumber: '410521198001011234', address: '前进村3组' },
    anonymous: false,
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    ...overrides,
  };
}

/** A petitioner no other test uses: a case made final (终结) flags that petitioner's later petitions. */
export const uniquePetitioner = (name = '赵六') => ({
  name, phone: `139${crypto.randomInt(10_000_000, 100_000_000)}`, idNumber: `410521197501${crypto.randomInt(100_000, 1_000_000)}`,
});

export const inputs: { [A in StageAction]: ActionInput<A> } = {
  accept: { township: TOWNSHIP_A, note: '属民政职责，予以受理' },
  reject: { reason: '属于法院管辖', basis: '《信访工作条例》第三十一条' },
  forward: { body: '县教育局', reason: '属教育部门职责' },
  answer: { answer: '低保申请需向户籍所在地乡镇提出，材料包括身份证、户口簿。' },
  'submit-investigation': { findings: '入户调查：家庭人均收入低于标准。', proposedOutcome: 'support' },
  approve: { note: '调查属实' },
  return: { reason: '缺少邻里走访记录' },
  reply: {
    decision: '恢复低保待遇', facts: '经查，家庭收入低于当地低保标准。', basis: '《社会救助暂行办法》第九条', text: '处理意见书正文',
    meeting: {
      at: '2026-11-20T10:00:00+08:00', place: '城关镇便民服务中心',
      attendees: [{ name: '王复核', side: 'county', title: '社会救助股股长' }, { name: '城关镇经办人', side: 'township' }],
    },
  },
  'follow-up': { at: '2026-11-25T10:00:00+08:00', response: 'satisfied', note: '当面回访，表示满意' },
};

export const actor = (role: string, name = role): Actor => ({ id: `test-${role}`, name, role });

/** The actions that move a complaint from registration to closure, in order. */
export const HAPPY_PATH: StageAction[] = ['accept', 'submit-investigation', 'approve', 'reply', 'follow-up'];
