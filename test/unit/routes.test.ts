// The routes' rules (DESIGN.md §7) and the same-petitioner match, as pure functions.
import { describe, expect, it } from 'vitest';
import { acceptanceRefusal, bodyRefusal, REPEAT_BASIS, repeatReason } from '../../domain/routes';
import { normaliseName, normalisePhone, samePetitioner } from '../../domain/same-petitioner';

const repeat = { caseId: 'c1', caseNo: 'XF2026-000001' };
const confirmed = { ...repeat, confirmed: { same: true, at: '2026-12-04T02:00:00Z', by: '李登记' } };

describe('acceptance', () => {
  it('sends an accusation about a cadre to 纪检监察 instead of a township', () => {
    expect(acceptanceRefusal('accusation', true, undefined)).toMatch(/纪检监察/);
    expect(acceptanceRefusal('accusation', false, undefined)).toBeUndefined();
    expect(acceptanceRefusal('complaint', true, undefined)).toBeUndefined();
  });

  it('refuses a confirmed repeat of a final matter until a manager records a reason', () => {
    expect(acceptanceRefusal('complaint', false, repeat)).toBeUndefined();
    expect(acceptanceRefusal('complaint', false, { ...repeat, confirmed: { ...confirmed.confirmed, same: false } })).toBeUndefined();
    expect(acceptanceRefusal('complaint', false, confirmed)).toMatch(/^不再受理: .*XF2026-000001/);
    expect(acceptanceRefusal('complaint', false, { ...confirmed, override: { at: '2026-12-04T03:00:00Z', by: '赵督查', reason: '有新的事实' } })).toBeUndefined();
    expect(repeatReason(repeat)).toContain('XF2026-000001');
    expect(REPEAT_BASIS).toMatch(/^《信访工作条例》/);
  });

  it('lets a cadre accusation go only to a discipline body', () => {
    expect(bodyRefusal('accusation', true, { kind: 'department', name: '县教育局' })).toMatch(/县教育局/);
    expect(bodyRefusal('accusation', true, { kind: 'discipline', name: '县纪委监委' })).toBeUndefined();
    expect(bodyRefusal('complaint', true, { kind: 'department', name: '县教育局' })).toBeUndefined();
  });
});

describe('the same petitioner', () => {
  it('is the same ID number, or the same name and phone however written', () => {
    expect(normalisePhone('+86 138-0000-1234')).toBe('13800001234');
    expect(normalisePhone('0086 13800001234')).toBe('13800001234');
    expect(normalisePhone('0372-6201101')).toBe('03726201101');
    expect(normaliseName(' 王　五 ')).toBe('王五');
    expect(samePetitioner({ idNumber: '41052119800101123x' }, { idNumber: '41052119800101123X' })).toBe(true);
    expect(samePetitioner({ name: '王 五', phone: '138 0000 1234' }, { name: '王五', phone: '+8613800001234' })).toBe(true);
    expect(samePetitioner({ name: '王五', phone: '13800001234' }, { name: '王六', phone: '13800001234' })).toBe(false);
    expect(samePetitioner({ name: '王五' }, { name: '王五' })).toBe(false);
  });
});
