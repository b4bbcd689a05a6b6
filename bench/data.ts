// What the benchmarks send: registrations spread over the demo county, and a valid body for each step.
import type { ActionInput, ActionName } from '../domain/actions';
import type { Registration } from '../domain/registration';
import { DEMO_TOWNSHIPS, DEMO_USERS } from '../prisma/seed';

export const townshipOf = (i: number) => DEMO_TOWNSHIPS[i % DEMO_TOWNSHIPS.length]!.code;

/** The township officer who investigates that township's cases. */
export const officerOf = (code: string) => DEMO_USERS.find((u) => u.role === 'township_officer' && u.townshipCode === code)!.username;

export function registrationFor(i: number): Registration {
  return {
    channel: (['visit', 'letter', 'phone', 'online'] as const)[i % 4]!,
    kind: 'complaint',
    township: townshipOf(i),
    village: `第${(i % 12) + 1}村`,
    category: (['dibao', 'tekun', 'medical', 'housing'] as const)[i % 4]!,
    subject: `低保待遇核查 #${i}`,
    facts: '申请人反映家庭收入未变化而低保被取消，请求复核。'.repeat(4),
    request: '请求恢复低保待遇',
    petitioner: { name: `申请人${i}`, phone: '13800000000' },
    anonymous: false,
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
  };
}

export const inputs = {
  accept: (township: string) => ({ township, note: '属民政职责，予以受理' }),
  'submit-investigation': { findings: '入户调查：家庭人均收入低于当地低保标准。', proposedOutcome: 'support' },
  approve: { note: '调查属实' },
  return: { reason: '缺少邻里走访记录' },
} satisfies { accept: (t: string) => ActionInput<'accept'> } & { [A in Exclude<ActionName, 'accept'>]?: ActionInput<A> };
