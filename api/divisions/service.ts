// The county's master data, kept by the administrator: the county's name and code, its townships and
// their villages, entered one by one or imported from a spreadsheet. An import is checked whole
// first; a dry run stops there and reports every rejected row, a real run writes the accepted rows
// in one transaction and reports the same. Codes never change (cases refer to them); names may.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { findVillage } from '../../db/villages';
import { countySchema, townshipSchema, villageSchema, within, type County } from '../../domain/divisions';
import type { FieldError } from '../../domain/text';
import { ApiError } from '../http/errors';
import { fieldsOf, type SheetRow } from './spreadsheet';

export const IMPORT_KINDS = ['townships', 'villages'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The headers each field is read from, in English or Chinese. */
const HEADERS: Record<string, readonly string[]> = {
  code: ['code', '代码', '编码', '区划代码', '统计用区划代码'],
  name: ['name', '名称', '名字'],
  townshipCode: ['township', 'townshipcode', 'township code', '乡镇代码', '所属乡镇代码', '乡镇'],
};

export interface Rejection { row: number; field: string; message: string }
type Item = { code: string; name: string; townshipCode?: string };

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

export function createDivisionService(db: Db) {
  async function county(): Promise<County | null> {
    const c = await db.county.findUnique({ where: { id: 1 } });
    return c && { code: c.code, name: c.name };
  }

  /** The rows that may be written and the ones refused, each with its reason; nothing is written. */
  async function check(kind: ImportKind, rows: SheetRow[]) {
    const schema = kind === 'townships' ? townshipSchema : villageSchema;
    const countyCode = (await county())?.code;
    const townships = new Map((await db.township.findMany()).map((t) => [t.code, t]));
    const existing = new Map<string, Item>(kind === 'townships'
      ? [...townships.values()].map((t) => [t.code, t])
      : (await db.village.findMany()).map((v) => [v.code, v]));
    const names = new Map([...existing.values()].map((v) => [`${v.townshipCode ?? ''}/${v.name}`, v.code]));
    const seen = new Set<string>();
    const accepted: Array<{ row: number; item: Item }> = [];
    const rejected: Rejection[] = [];
    const required = kind === 'townships' ? ['code', 'name'] : ['code', 'name', 'townshipCode'];
    for (const r of rows) {
      const fields = fieldsOf(r, HEADERS);
      const missing = required.filter((f) => fields[f] === undefined);
      if (missing.length) {
        for (const f of missing) rejected.push({ row: r.row, field: f, message: `is required (a column headed ${HEADERS[f]!.slice(0, 2).map((h) => `"${h}"`).join(' or ')})` });
        continue;
      }
      const parsed = schema.safeParse(fields);
      if (!parsed.success) {
        for (const i of parsed.error.issues) rejected.push({ row: r.row, field: String(i.path[0] ?? '(row)'), message: i.message });
        continue;
      }
      const item: Item = parsed.data;
      const refuse = (field: string, message: string) => rejected.push({ row: r.row, field, message });
      const nameKey = `${item.townshipCode ?? ''}/${item.name}`;
      if (seen.has(item.code)) refuse('code', `"${item.code}" appears more than once in the file`);
      else if (kind === 'townships' && countyCode && !within(item.code, countyCode)) refuse('code', `"${item.code}" does not begin with the county's code ${countyCode}`);
      else if (item.townshipCode && !townships.has(item.townshipCode)) refuse('townshipCode', `unknown township code "${item.townshipCode}" (import or add the township first)`);
      else if (item.townshipCode && !within(item.code, item.townshipCode)) refuse('code', `"${item.code}" does not begin with its township's code ${item.townshipCode}`);
      else if (item.townshipCode && existing.get(item.code) && existing.get(item.code)!.townshipCode !== item.townshipCode) refuse('townshipCode', `village "${item.code}" belongs to township ${existing.get(item.code)!.townshipCode}; a village does not move`);
      else if ((names.get(nameKey) ?? item.code) !== item.code) refuse('name', `"${item.name}" is already the name of ${names.get(nameKey)}`);
      else {
        seen.add(item.code);
        names.set(nameKey, item.code);
        accepted.push({ row: r.row, item });
      }
    }
    return { accepted, rejected, existing };
  }

  async function write(kind: ImportKind, items: Item[]) {
    await db.$transaction(items.map((i) => (kind === 'townships'
      ? db.township.upsert({ where: { code: i.code }, create: { code: i.code, name: i.name }, update: { name: i.name } })
      : db.village.upsert({ where: { code: i.code }, create: { code: i.code, name: i.name, townshipCode: i.townshipCode! }, update: { name: i.name } }))));
  }

  /** One township or village entered by hand: the same checks as an import's row. */
  async function saveOne(kind: ImportKind, item: Item) {
    const { accepted, rejected } = await check(kind, [{ row: 0, cells: { ...item } }]);
    if (rejected.length) throw ApiError.badRequest(rejected.map((r): FieldError => ({ field: r.field, message: r.message })));
    await write(kind, accepted.map((a) => a.item));
  }

  async function loadVillage(code: string) {
    const v = await findVillage(db, code);
    if (!v) throw ApiError.notFound('village');
    return v;
  }

  return {
    county,

    async setCounty(input: z.infer<typeof countySchema>) {
      const c = await db.county.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
      return { code: c.code, name: c.name };
    },

    listTownships: () => db.township.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true } }),

    async saveTownship(code: string, name: string, mustExist: boolean) {
      if (mustExist && !(await db.township.findUnique({ where: { code } }))) throw ApiError.notFound('township');
      await saveOne('townships', { code, name });
      return { code, name };
    },

    async listVillages(townshipCode?: string) {
      const rows = await db.village.findMany({ where: townshipCode ? { townshipCode } : {}, orderBy: { code: 'asc' }, include: { township: true } });
      return rows.map((v) => ({ code: v.code, name: v.name, township: { code: v.township.code, name: v.township.name } }));
    },

    getVillage: loadVillage,

    async saveVillage(item: Required<Item>, mustExist: boolean) {
      if (mustExist) await loadVillage(item.code);
      await saveOne('villages', item);
      return loadVillage(item.code);
    },

    async import(kind: ImportKind, rows: SheetRow[], dryRun: boolean): Promise<ImportReport> {
      if (rows.length === 0) throw ApiError.badRequest([{ field: '(body)', message: 'has no rows under its header row' }]);
      const { accepted, rejected, existing } = await check(kind, rows);
      const isNew = (i: Item) => !existing.has(i.code);
      const changed = (i: Item) => !isNew(i) && existing.get(i.code)!.name !== i.name;
      if (!dryRun) await write(kind, accepted.map((a) => a.item).filter((i) => isNew(i) || changed(i)));
      const items = accepted.map((a) => a.item);
      return {
        kind, dryRun, rows: rows.length,
        created: items.filter(isNew).length,
        updated: items.filter(changed).length,
        unchanged: items.filter((i) => !isNew(i) && !changed(i)).length,
        rejected: rejected.sort((a, b) => a.row - b.row),
      };
    },
  };
}

export type DivisionService = ReturnType<typeof createDivisionService>;
