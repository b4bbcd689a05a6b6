// What each reader may see of a petitioner (DESIGN.md §4). Pure functions, shared by API responses,
// exports and notifications, so every channel withholds the same things the same way.
import { withholdsAccusers, type Role } from './roles';

export interface PetitionerIdentity {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
}

/** The petitioner columns of a case row, as the read model stores them. */
export interface PetitionerColumns {
  petitionerName: string | null;
  petitionerPhone: string | null;
  petitionerIdNumber: string | null;
  petitionerAddress: string | null;
}

export function identityOf(row: PetitionerColumns): PetitionerIdentity {
  return { name: row.petitionerName, phone: row.petitionerPhone, idNumber: row.petitionerIdNumber, address: row.petitionerAddress };
}

/** What replaces a withheld identity wherever it appears in text. */
export const WITHHELD = '＊＊＊';

/**
 * Accusation material never reaches those who may be close to the accused: the roles that
 * domain/roles.ts withholds accusers from (township users) never see an accuser's identity, in any
 * response, list, export or mail.
 */
export function identityWithheld(kind: string, role: Role): boolean {
  return kind === 'accusation' && withholdsAccusers(role);
}

/** Whether showing this case's petitioner to a county user is a confidential view, to be audited. */
export function isConfidentialIdentity(kind: string, identity: PetitionerIdentity): boolean {
  return kind === 'accusation' && fragments(identity).length > 0;
}

function fragments(identity: PetitionerIdentity): string[] {
  const { name, phone, idNumber, address } = identity;
  // A one-character "name" would blank unrelated text; real names have at least two.
  return [name, phone, idNumber, idNumber?.toLowerCase(), idNumber?.toUpperCase(), address]
    .filter((s): s is string => typeof s === 'string' && s.trim().length >= 2)
    // Longest first, so an address containing the name is blanked whole.
    .sort((a, b) => b.length - a.length);
}

/**
 * Blanks every occurrence of the petitioner's identity in every string inside `value`: free text
 * (facts, a reply, a mail body) often names the accuser even when the petitioner fields are empty.
 */
export function redactIdentity<T>(value: T, identity: PetitionerIdentity): T {
  const parts = fragments(identity);
  if (parts.length === 0) return value;
  const blank = (s: string) => parts.reduce((acc, p) => acc.split(p).join(WITHHELD), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return blank(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * Content about a case as one recipient may receive it: a response, an export row or a mail.
 * For a township recipient of an accusation the identity is blanked; otherwise it is unchanged.
 */
export function forRecipient<T>(value: T, kase: { kind: string; identity: PetitionerIdentity }, role: Role): T {
  return identityWithheld(kase.kind, role) ? redactIdentity(value, kase.identity) : value;
}

/** `410521********1234`: the region and the last four, enough to tell two petitioners apart in a list. */
export function maskIdNumber(idNumber: string | null | undefined): string | null {
  if (!idNumber) return null;
  return idNumber.length > 10 ? `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}` : '*'.repeat(idNumber.length);
}
