// The bodies master data over HTTP: the administrator keeps the list of bodies cases go to, with a
// contact each; everyone who routes cases reads it; the demo county comes seeded.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BODIES } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';

let api: ApiStack;
let admin: string;
let desk: string;

beforeAll(async () => {
  api = await startApiStack({}, { worker: false });
  [admin, desk] = await Promise.all([api.login('admin'), api.login('desk')]);
});
afterAll(async () => { await api?.stop(); });

const unique = (name: string) => `${name}${crypto.randomInt(100_000, 1_000_000)}`;
const create = (body: unknown, token = admin) => api.request('POST', '/api/bodies', { token, body });

describe('bodies', () => {
  it('lists the demo county\'s seeded bodies, 纪检监察 among them, to the desk', async () => {
    const r = await api.request('GET', '/api/bodies?active=true', { token: desk });
    expect(r.status).toBe(200);
    const names = r.body.items.map((b: { name: string }) => b.name);
    for (const b of DEMO_BODIES) expect(names).toContain(b.name);
    const discipline = await api.request('GET', '/api/bodies?kind=discipline', { token: desk });
    expect(discipline.body.items).toContainEqual(expect.objectContaining({ name: '县纪委监委', kind: 'discipline', contactName: '信访室 陈收文', active: true }));
    expect(discipline.body.items.every((b: { kind: string }) => b.kind === 'discipline')).toBe(true);
  });

  it('lets the administrator add a body with its contact, change it and retire it', async () => {
    const name = unique('县民族宗教事务局');
    const made = await create({ name, kind: 'department', contactName: '办公室 钱收文', contactPhone: '0372-6201199', contactEmail: 'office@mzj.example' });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/bodies/${made.body.id}`);
    expect(made.body).toMatchObject({ name, kind: 'department', contactName: '办公室 钱收文', contactPhone: '0372-6201199', address: null, active: true });

    const changed = await api.request('PATCH', `/api/bodies/${made.body.id}`, { token: admin, body: { contactName: '办公室 孙收文', contactEmail: null } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ contactName: '办公室 孙收文', contactEmail: null, contactPhone: '0372-6201199' });

    const retired = await api.request('PATCH', `/api/bodies/${made.body.id}`, { token: admin, body: { active: false } });
    expect(retired.body.active).toBe(false);
    const offered = await api.request('GET', '/api/bodies?active=true', { token: desk });
    expect(offered.body.items.map((b: { id: string }) => b.id)).not.toContain(made.body.id);
    const all = await api.request('GET', '/api/bodies', { token: desk });
    expect(all.body.items.map((b: { id: string }) => b.id)).toContain(made.body.id);
  });

  it('refuses a second body of the same name, also when two are saved at once', async () => {
    const name = unique('县退役军人事务局');
    const [a, b] = await Promise.all([create({ name, kind: 'department', contactName: '办公室' }), create({ name, kind: 'department', contactName: '办公室' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({ code: 'body_name_taken', fields: [{ field: 'name', message: 'is taken' }] });
    const other = await create({ name: unique('县审计局'), kind: 'department', contactName: '办公室' });
    const rename = await api.request('PATCH', `/api/bodies/${other.body.id}`, { token: admin, body: { name } });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'body_name_taken']);
  });

  it('names each bad field, and lets only the administrator change the list', async () => {
    const bad = await create({ name: ' ', kind: 'ministry', contactPhone: 'call me' });
    expect(bad.status).toBe(400);
    // Each bad field is named (a field may be named once per rule it breaks).
    expect([...new Set(bad.body.error.fields.map((f: { field: string }) => f.field))].sort()).toEqual(['contactName', 'contactPhone', 'kind', 'name']);
    expect((await api.request('PATCH', `/api/bodies/${crypto.randomUUID()}`, { token: admin, body: { active: false } })).status).toBe(404);
    expect((await api.request('PATCH', '/api/bodies/not-an-id', { token: admin, body: { active: false } })).status).toBe(400);
    expect((await api.request('PATCH', `/api/bodies/${crypto.randomUUID()}`, { token: admin, body: {} })).status).toBe(400);
    const refused = await create({ name: unique('县林业局'), kind: 'department', contactName: '办公室' }, desk);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await api.request('GET', '/api/bodies')).status).toBe(401);
  });
});
