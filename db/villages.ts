// The village lookup for every feature that refers to villages (case intake, information officers,
// the assistance roll): one place that says whether a code names a village, and of which township.
import type { Db } from './client';

export interface VillageRef {
  code: string;
  name: string;
  township: { code: string; name: string };
}

export async function findVillage(db: Db, code: string): Promise<VillageRef | null> {
  const v = await db.village.findUnique({ where: { code }, include: { township: true } });
  return v && { code: v.code, name: v.name, township: { code: v.township.code, name: v.township.name } };
}

/** A township's villages by code. */
export function villagesOf(db: Db, townshipCode: string) {
  return db.village.findMany({ where: { townshipCode }, orderBy: { code: 'asc' }, select: { code: true, name: true, townshipCode: true } });
}
