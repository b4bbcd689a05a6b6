import { get } from '../api';
import type { Option } from '../forms';
import type { Township } from '../types';

let cached: Promise<Township[]> | undefined;

/** The county's townships, fetched once per page load. */
export function townships(): Promise<Township[]> {
  cached ??= get<Township[]>('/api/townships').catch((e: unknown) => { cached = undefined; throw e; });
  return cached;
}

export async function townshipOptions(): Promise<Option[]> {
  return (await townships()).map((t) => ({ value: t.code, text: t.name }));
}
