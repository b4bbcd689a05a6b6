// Township leaders act like their township's officers, on their township only; the admin reads no petitions.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';

let api: ApiStack;
let desk: string;
let leaderA: string;
let leaderB: string;
let admin: string;

const leaderOf = (code: string) => DEMO_USERS.find((u) => u.role === 'township_leader' && u.townshipCode === code)!.username;

beforeAll(async () => {
  api = await startApiStack();
  [desk, leaderA, leaderB, admin] = await Promise.all(
    ['desk', leaderOf(TOWNSHIP_A), leaderOf(TOWNSHIP_B), 'admin'].map((u) => api.login(u)),
  ) as [string, string, string, string];
});
afterAll(async () => { await api?.stop(); });

async function acceptedCase(kind: 'complaint' | 'accusation') {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ kind }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  expect((await api.request('POST', `/api/cases/${r.body.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
  return r.body.id as string;
}

describe('township leaders and the admin', () => {
  it('lets a township leader submit the investigation of their own township\'s case only', async () => {
    const id = await acceptedCase('complaint');
    const other = await api.request('POST', `/api/cases/${id}/actions/submit-investigation`, { token: leaderB, body: inputs['submit-investigation'] });
    expect(other.status).toBe(404);
    const own = await api.request('POST', `/api/cases/${id}/actions/submit-investigation`, { token: leaderA, body: inputs['submit-investigation'] });
    expect(own.status).toBe(200);
    expect(own.body.stage).toBe('recheck');
    expect((await api.request('POST', `/api/cases/${id}/actions/approve`, { token: leaderA, body: inputs.approve })).status).toBe(403);
  });

  it('withholds an accuser\'s identity from a township leader', async () => {
    const id = await acceptedCase('accusation');
    const seen = await api.request('GET', `/api/cases/${id}`, { token: leaderA });
    expect(seen.status).toBe(200);
    expect(seen.body.petitionerWithheld).toBe(true);
    expect(JSON.stringify(seen.body)).not.toContain(registration().petitioner!.name);
  });

  it('refuses the admin every case but lets them read townships', async () => {
    expect((await api.request('GET', '/api/cases', { token: admin })).status).toBe(403);
    expect((await api.request('GET', '/api/townships', { token: admin })).status).toBe(200);
    const me = await api.request('GET', '/api/auth/me', { token: admin });
    expect(me.body.role).toBe('admin');
  });
});
