// Mail on a real SMTP server started by the test (smtp-server), sent by the real worker on the
// time-skipping Temporal server: each level's message arrives once, to the right people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendNotification } from '../../activities/send-notification';
import { dueAfter, dueText } from '../../domain/day-count';
import { createMailer } from '../../notifications/mailer';
import { eventually } from '../support/eventually';
import { ownTownship, TEST_CALENDAR, TOWNSHIP_A } from '../support/fixtures';

import { startSmtpCapture, type SmtpCapture } from '../support/smtp';
import { startCase, startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

/** A township no other test file uses, so its officer and leader are the demo ones only. */
const TOWNSHIP = ownTownship('mail').code;

let smtp: SmtpCapture;
let kit: ClockTestKit;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  kit = await startTimeSkipping({ smtpUrl: smtp.url, maxAttempts: 3 });
});
afterAll(async () => {
  await kit?.stop();
  await smtp?.close();
});

const mailsAbout = (caseNo: string) => smtp.received.filter((m) => m.subject.includes(caseNo));

async function skipTo(t: number): Promise<void> {
  const now = await kit.env.currentTimeMs();
  if (t > now) await kit.env.sleep(t - now);
}

describe('escalation mail', () => {
  it('sends each level once, to the assignee, their leader and the managers, without an accuser\'s name to the township', async () => {
    const accuser = { name: '举报人李四', phone: '13900001111', idNumber: '410521198001011234', address: '安阳县某村' };
    const c = await startCase(kit, { kind: 'accusation', township: TOWNSHIP, petitioner: accuser });
    const v = await c.act('accept', { township: TOWNSHIP, note: '受理' });
    const clock = v.clocks!.find((k) => k.kind === 'investigation')!;
    const caseNo = v.caseNo!;
    const due = dueText(clock.dueAt);
    expect(due).toMatch(/ 24:00$/);
    expect(clock.dueAt).toBe(new Date(dueAfter(Date.parse(clock.startedAt), { amount: 15, unit: 'workingDays' }, TEST_CALENDAR)!.at).toISOString());

    const expected = [
      { level: '预警', to: [['town18@demo.jianjian.local']] },
      { level: '催办', to: [['lead18@demo.jianjian.local'], ['town18@demo.jianjian.local']] },
      { level: '督办', to: [['manager@demo.jianjian.local']] },
    ];
    const times = [Date.parse(clock.warnAt!), Date.parse(clock.dueAt!), Date.parse(clock.superviseAt!)];
    for (const [i, { level, to }] of expected.entries()) {
      await skipTo(times[i]! + 60_000);
      const mails = await eventually(async () => mailsAbout(caseNo).filter((m) => m.subject.includes(level)), (ms) => ms.length >= to.length, level);
      expect(mails.map((m) => m.to).sort()).toEqual(to);
      for (const m of mails) {
        expect(m.subject).toContain(caseNo);
        expect(m.text).toContain(due);
        expect(m.text).toContain(caseNo);
        const township = m.to[0]!.startsWith('town') || m.to[0]!.startsWith('lead');
        expect(m.text.includes(accuser.name), `${level} to ${m.to}`).toBe(!township);
        // Neither part of a township's message holds anything of the accuser.
        if (township) for (const value of Object.values(accuser)) expect(`${m.subject}${m.text}${m.html}`).not.toContain(value);
      }
    }
    // Nothing is sent twice, however long the case waits.
    await kit.env.sleep('10 days');
    expect(mailsAbout(caseNo)).toHaveLength(4);
    const rows = await kit.db.notification.findMany({ where: { caseId: c.caseId } });
    expect(rows.map((r) => [r.template, r.recipient, r.status, r.attempts]).sort()).toEqual([
      ['clock.supervision', 'manager@demo.jianjian.local', 'sent', 1],
      ['clock.urging', 'lead18@demo.jianjian.local', 'sent', 1],
      ['clock.urging', 'town18@demo.jianjian.local', 'sent', 1],
      ['clock.warning', 'town18@demo.jianjian.local', 'sent', 1],
    ]);
  });
});

describe('the sendNotification activity', () => {
  const send = () => createSendNotification({ db: kit.db, mailer: createMailer({ ...kit.mail, smtpUrl: smtp.url }), mail: { locale: 'en', maxAttempts: 3 } });

  it('never sends one key twice to one address', async () => {
    const key = `test/idempotent/${Date.now()}`;
    const request = {
      key, template: 'clock.warning' as const, to: { addresses: [{ email: 'petitioner@example.cn', name: 'Zhang San' }] },
      case: { caseId: 'c-test', caseNo: 'XF2026-999999', kind: 'complaint' as const, subject: 'Dibao stopped', township: TOWNSHIP_A },
      data: { clock: 'reply', dueAt: '2026-12-31T02:00:00.000Z' },
    };
    expect(await send()(request)).toEqual({ sent: 1, failed: 0, noAddress: 0 });
    expect(await send()(request)).toEqual({ sent: 1, failed: 0, noAddress: 0 });
    const mails = smtp.received.filter((m) => m.subject.includes('XF2026-999999'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('[Warning] XF2026-999999: statutory written reply due 2026-12-31 10:00');
    expect(mails[0]!.text).toContain('Dear Zhang San,');
  });

  it('retries a refused message until the cap, then records it as failed', async () => {
    const request = { key: `test/capped/${Date.now()}`, template: 'clock.urging' as const, to: { addresses: [{ email: 'broken@example.cn' }] }, data: { clock: 'acceptance' } };
    const activity = send();
    await expect(activity(request)).rejects.toThrow(/could not be sent yet/);
    await expect(activity(request)).rejects.toThrow(/could not be sent yet/);
    expect(await activity(request)).toEqual({ sent: 0, failed: 1, noAddress: 0 });
    expect(await activity(request)).toEqual({ sent: 0, failed: 1, noAddress: 0 });
    expect(smtp.refused.filter((a) => a === 'broken@example.cn')).toHaveLength(3);
    const row = await kit.db.notification.findFirstOrThrow({ where: { key: request.key } });
    expect([row.status, row.attempts]).toEqual(['failed', 3]);
    expect(row.error).toMatch(/mailbox unavailable/);
  });
});
