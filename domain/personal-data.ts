// What each reader may see of a petitioner (DESIGN.md §4). Pure functions, shared by API responses,
// exports and notifications, so every channel withholds the same things the same way.
import { withholdsAccusers, type Role } from './roles';

export interface PetitionerIdentity {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  address?: string | null;
  email?: string | null;
}

/** The petitioner columns of a case row, as the read model stores them. */
export interface PetitionerColumns {
  petitionerName: string | null;
  petitionerPhone: string | null;
  petitionerIdNumber: string | null;
  petitionerAddress: string | null;
  petitionerEmail?: string | null;
}

export function identityOf(row: PetitionerColumns): PetitionerIdentity {
  return { name: row.petitionerName, phone: row.petitionerPhone, idNumber: row.petitionerIdNumber, address: row.petitionerAddress, email: row.petitionerEmail ?? null };
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

// Identities are found however they are written: the text and the identity are compared after NFKC
// (full-width forms to their plain ones), in lower case, without the separators people put inside a
// name or a number (blanks, dashes, dots, brackets, slashes) and without invisible characters.
const IGNORED = /[\p{White_Space}\p{Pd}\p{Ps}\p{Pe}\p{Cf}.·•・\/\\_]/u;

/** Each character's normal form ('' when ignored), one entry per code point of `s`. */
function normalForms(s: string): Array<{ at: number; end: number; norm: string }> {
  const out: Array<{ at: number; end: number; norm: string }> = [];
  let at = 0;
  for (const ch of s) {
    const norm = [...ch.normalize('NFKC').toLowerCase()].filter((c) => !IGNORED.test(c)).join('');
    out.push({ at, end: at + ch.length, norm });
    at += ch.length;
  }
  return out;
}

export const normalizeForMatch = (s: string) => normalForms(s).map((c) => c.norm).join('');

function fragments(identity: PetitionerIdentity): string[] {
  const { name, phone, idNumber, address, email } = identity;
  // A mainland mobile number is also written with its country code, and recognised without it.
  const localPhone = phone ? normalizeForMatch(phone).replace(/^(\+?86|0086)(?=1[0-9]{10}$)/, '') : undefined;
  return [...new Set([name, phone, localPhone, idNumber, address, email]
    .filter((s): s is string => typeof s === 'string')
    .map(normalizeForMatch)
    // A one-character "name" would blank unrelated text; real names have at least two.
    .filter((s) => s.length >= 2))]
    // Longest first, so an address containing the name is blanked whole.
    .sort((a, b) => b.length - a.length);
}

/** Replaces every span of `s` whose normal form is one of `parts` (already normal) with WITHHELD. */
function blank(s: string, parts: string[]): string {
  const forms = normalForms(s);
  // The normal text, and for each of its characters the code point of `s` it came from.
  const owner: number[] = [];
  let norm = '';
  forms.forEach((f, i) => { for (const c of f.norm) { owner.push(i); norm += c; } });
  const covered: boolean[] = new Array(forms.length).fill(false);
  for (const p of parts) {
    for (let i = norm.indexOf(p); i >= 0; i = norm.indexOf(p, i + p.length)) {
      for (let k = owner[i]!; k <= owner[i + p.length - 1]!; k += 1) covered[k] = true;
    }
  }
  if (!covered.includes(true)) return s;
  let out = '';
  forms.forEach((f, i) => {
    if (!covered[i]) out += s.slice(f.at, f.end);
    else if (i === 0 || !covered[i - 1]) out += WITHHELD;
  });
  return out;
}

/**
 * Blanks every occurrence of the petitioner's identity in every string inside `value`: free text
 * (facts, a reply, a mail body) often names the accuser even when the petitioner fields are empty,
 * and names it in any spelling (`周 秘密`, `185-0000-1234`, a full-width e-mail address).
 */
export function redactIdentity<T>(value: T, identity: PetitionerIdentity): T {
  const parts = fragments(identity);
  if (parts.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return blank(v, parts);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** Whether `value` names the identity anywhere, in any spelling: a read of it is a view of the identity. */
export function namesIdentity(value: unknown, identity: PetitionerIdentity): boolean {
  return JSON.stringify(redactIdentity(value, identity)) !== JSON.stringify(value);
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
