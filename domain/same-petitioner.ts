// Whether two petitions come from the same petitioner (不再受理, DESIGN.md §7): the same resident ID
// number, or the same name and phone once the ways people write them are set aside.
import type { PetitionerIdentity } from './personal-data';

/** Digits only, without China's country code: "+86 138-0000-0000" and "13800000000" are one phone. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return digits.replace(/^(0086|86)(?=1[0-9]{10}$)/, '');
}

/** Without spaces of any width, in one Unicode form: "王 五" and "王五" are one name. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

export function samePetitioner(a: PetitionerIdentity, b: PetitionerIdentity): boolean {
  if (a.idNumber && b.idNumber && a.idNumber.toUpperCase() === b.idNumber.toUpperCase()) return true;
  return Boolean(a.name && b.name && a.phone && b.phone
    && normaliseName(a.name) === normaliseName(b.name) && normalisePhone(a.phone) === normalisePhone(b.phone));
}
