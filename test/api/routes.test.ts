// The law's routes out of acceptance over HTTP (DESIGN.md §7): petitions concerning public officials or
// cadres, counted in the statistics.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../../domain/registration';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { ownTownship, registration } from '../support/fixtures';

const TOWNSHIP = ownTownship('routes').code;
let api: ApiStack;
let desk: string;
let manager: string;

beforeAll(async () => {
  api = await startApiStack();
  [desk, manager] = await Promise.all([api.login('desk'), api.login('manager')]);
});
afterAll(async () => { await api?.stop(); });

async function register(overrides: Partial<Registration> = {}) {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ township: TOWNSHIP, ...overrides }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; caseNo: string };
}

describe('petitions concerning cadres', () => {
  it('are counted by the statistics, with the accusations among them', async () => {
    const before = (await api.request('GET', `/api/statistics?township=${TOWNSHIP}`, { token: manager })).body.cadres;
    await register({ concernsCadre: true });
    await register({ kind: 'accusation', concernsCadre: true });
    await register({ kind: 'accusation' });
    const after = (await api.request('GET', `/api/statistics?township=${TOWNSHIP}`, { token: manager })).body.cadres;
    expect(after).toEqual({ concerning: before.concerning + 2, accusations: before.accusations + 1 });
    const bad = await api.request('POST', '/api/cases', { token: desk, body: { ...registration({ township: TOWNSHIP }), concernsCadre: 'yes' }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect([bad.status, bad.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['concernsCadre']]);
  });
});
