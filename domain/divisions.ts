// The county's administrative divisions (行政区划): the county, its townships (乡镇/街道) and their
// villages (村/社区), each named by its statistical division code (统计用区划代码): 6 digits for the
// county, 9 for a township, 12 for a village, each beginning with the code of the division it is in.
import { z } from 'zod';
import { townshipCode } from './text';
import { text } from './text';

export const countyCode = z.string().regex(/^[0-9]{6}$/, 'must be a county code of 6 digits');
export const villageCode = z.string().regex(/^[0-9]{12}$/, 'must be a village code of 12 digits');
export const divisionName = text(50);

export const countySchema = z.object({ code: countyCode, name: divisionName }).strict();
export const townshipSchema = z.object({ code: townshipCode, name: divisionName }).strict();
export const villageSchema = z.object({ code: villageCode, name: divisionName, townshipCode }).strict();

export type County = z.infer<typeof countySchema>;
export type TownshipInput = z.infer<typeof townshipSchema>;
export type VillageInput = z.infer<typeof villageSchema>;

/** A township belongs to the county, and a village to its township, when its code begins with theirs. */
export const within = (code: string, parentCode: string) => code.startsWith(parentCode) && code.length > parentCode.length;
