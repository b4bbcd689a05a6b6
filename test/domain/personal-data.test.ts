// The confidentiality functions that responses, exports and mails share.
import { describe, expect, it } from 'vitest';
import { forRecipient, identityWithheld, maskIdNumber, redactIdentity, WITHHELD } from '../../domain/personal-data';
import { ROLES, isTownshipScoped } from '../../domain/roles';

const accuser = { name: '赵六', phone: '13900001111', idNumber: '41052119750505123X', address: '前进村5组8号' };
const mail = {
  subject: '催办：XF2026-000007',
  text: `举报人赵六（13900001111，身份证41052119750505123x）住前进村5组8号。`,
  lines: [{ label: '举报人', value: '赵六' }],
  dueAt: new Date('2026-12-01T00:00:00Z'),
  count: 3,
};

describe('accuser confidentiality', () => {
  it('withholds an accuser from exactly the township roles', () => {
    for (const role of ROLES) {
      expect(identityWithheld('accusation', role), role).toBe(isTownshipScoped(role));
      expect(identityWithheld('complaint', role), role).toBe(false);
    }
    expect(ROLES.filter(isTownshipScoped)).toEqual(['township_officer', 'township_leader']);
  });

  it('blanks every part of the identity wherever it appears, keeping everything else', () => {
    const out = redactIdentity(mail, accuser);
    expect(out.text).toBe(`举报人${WITHHELD}（${WITHHELD}，身份证${WITHHELD}）住${WITHHELD}。`);
    expect(out.lines).toEqual([{ label: '举报人', value: WITHHELD }]);
    expect(out.subject).toBe(mail.subject);
    expect(out.dueAt).toEqual(mail.dueAt);
    expect(out.count).toBe(3);
  });

  it('gives a mail or export row to a township recipient without the accuser, and to the county unchanged', () => {
    const kase = { kind: 'accusation', identity: accuser };
    expect(JSON.stringify(forRecipient(mail, kase, 'township_leader'))).not.toContain('赵六');
    expect(forRecipient(mail, kase, 'manager')).toBe(mail);
    expect(forRecipient(mail, { kind: 'complaint', identity: accuser }, 'township_officer')).toBe(mail);
  });

  it('does not blank text for a one-character or missing identity', () => {
    expect(redactIdentity('王某反映', { name: '王' })).toBe('王某反映');
    expect(redactIdentity({ a: 'x' }, {})).toEqual({ a: 'x' });
  });
});

describe('ID numbers in lists', () => {
  it('keeps the region and the last four digits', () => {
    expect(maskIdNumber('410521198001011234')).toBe('410521********1234');
    expect(maskIdNumber(null)).toBeNull();
  });
});
