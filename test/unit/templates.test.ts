// Every mail template renders in both languages with the case number, the due date in China
// Standard Time and no hole where a value should be; the weekly report with its figures and HTML.
import { describe, expect, it } from 'vitest';
import { LOCALES, render, TEMPLATES, type TemplateName } from '../../notifications/templates';

const input = {
  recipientName: '王复核',
  case: { caseId: 'c1', caseNo: 'XF2026-000042', kind: 'complaint' as const, subject: '低保资格被取消', township: '410521101', petitioner: { name: '张三' } },
  data: { clock: 'reply', dueAt: '2026-02-27T02:00:00.000Z', replyDueAt: '2026-02-27T02:00:00.000Z', days: 30, reason: '需组织听证', requestedBy: '王复核' },
};

describe('mail templates', () => {
  for (const name of (Object.keys(TEMPLATES) as TemplateName[]).filter((n) => n !== 'report.weekly')) {
    it.each(LOCALES)(`${name} in %s`, (locale) => {
      const m = render(name, locale, input);
      expect(m.subject).toContain('XF2026-000042');
      expect(m.text).toContain('XF2026-000042');
      expect(`${m.subject}\n${m.text}`).not.toMatch(/undefined|NaN|\[object/);
      if (name.startsWith('clock.') || name === 'extension.approved') expect(m.text).toContain('2026-02-27 10:00');
    });
  }

  it.each(LOCALES)('report.weekly in %s', (locale) => {
    const html = '<!doctype html><html><body><h1>信访工作周报</h1></body></html>';
    const m = render('report.weekly', locale, {
      recipientName: '赵督查',
      data: { title: '信访工作周报（2026-11-16 至 2026-11-22）', week: '2026-11-16', received: 12, closed: 7, overdue: 3, text: '一、本周新收信访件', html },
    });
    expect(m.subject).toBe(locale === 'zh' ? '【周报】信访工作周报（2026-11-16 至 2026-11-22）' : '[Weekly report] Petitions, week of 2026-11-16');
    expect(m.html).toBe(html);
    expect(m.text).toContain(locale === 'zh' ? '本周新收 12 件，办结 7 件，当前超期 3 件。' : 'New cases: 12; closed: 7; overdue now: 3.');
    expect(m.text).toContain('一、本周新收信访件');
    expect(m.text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('shows due times in China Standard Time, a limit in days at 24:00 of its last day', () => {
    expect(render('clock.urging', 'zh', { data: { clock: 'reply', dueAt: '2026-10-26T16:00:00.000Z' } }).text).toContain('2026-10-26 24:00');
    expect(render('clock.urging', 'en', { data: { clock: 'emergency', dueAt: '2026-02-14T16:30:00Z' } }).text).toContain('2026-02-15 00:30');
  });
});
