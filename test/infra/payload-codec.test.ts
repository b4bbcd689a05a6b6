// Encrypted payloads on the real dev server: Temporal's history holds no identity in clear, and a
// command sent straight to the server by someone without the key is refused before it reaches a
// workflow's handler, so it neither changes the case nor appears on its timeline.
import crypto from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionUpdates, CASE_WORKFLOW } from '../../domain/messages';
import { DEFAULT_POLICY } from '../../domain/policy';
import { DEFAULT_NOTICE_POLICY } from '../../domain/notice';
import { REFUSED_ENCODING } from '../../temporal.codec';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { inputs, registration, TEST_CALENDAR, uniquePetitioner } from '../support/fixtures';

let api: ApiStack;
let desk: string;
/** Someone who reaches the Temporal server's port but has no payload key. */
let raw: Client;
let rawConnection: Connection;

beforeAll(async () => {
  api = await startApiStack();
  desk = await api.login('desk');
  rawConnection = await Connection.connect({ address: inject('temporalAddress') });
  raw = new Client({ connection: rawConnection });
});
afterAll(async () => {
  await rawConnection?.close();
  await api?.stop();
});

const FORGER = { id: 'forger', name: '伪造者', role: 'desk' };
const detail = (id: string) => api.request('GET', `/api/cases/${id}`, { token: desk });

async function register(petitioner = uniquePetitioner()) {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ petitioner }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  return r.body.id as string;
}

/** Every payload in a workflow's history (as the server's API gives it), its metadata and data as text. */
async function historyText(workflowId: string): Promise<string> {
  const history = JSON.parse(JSON.stringify(await raw.workflow.getHandle(workflowId).fetchHistory()));
  const texts: string[] = [];
  const text = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.metadata && typeof o.metadata === 'object') {
      texts.push(...Object.values(o.metadata as Record<string, string>).map(text), text(String(o.data ?? '')));
    }
    Object.values(o).forEach(walk);
  };
  walk(history);
  return texts.join('\n');
}

describe('the payload codec on the Temporal server', () => {
  it("keeps the petitioner's name, phone, ID number and address out of Temporal's history", async () => {
    const petitioner = uniquePetitioner('钱秘密');
    const id = await register(petitioner);
    expect((await api.request('POST', `/api/cases/${id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
    const text = await historyText(id);
    expect(text).toContain('binary/encrypted');
    for (const value of [petitioner.name, petitioner.phone, petitioner.idNumber!, registration().petitioner!.address!]) {
      expect(text).not.toContain(value);
    }
    // The API, which has the key, still reads the case in full.
    expect((await detail(id)).body.petitioner).toMatchObject({ name: petitioner.name, phone: petitioner.phone });
  });

  it('refuses an Update with a forged actor sent without the key: the case is unchanged and its timeline shows nothing', async () => {
    const id = await register();
    const before = (await detail(id)).body;
    const forged = raw.workflow.getHandle(id).executeUpdate(actionUpdates.accept, { args: [{ actor: FORGER, input: inputs.accept }] });
    const error = await forged.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(String((error as WorkflowUpdateFailedError).cause?.message)).toContain(REFUSED_ENCODING);

    const after = (await detail(id)).body;
    expect(after.stage).toBe(before.stage);
    expect(after.timeline).toEqual(before.timeline);
    expect(JSON.stringify(after)).not.toContain(FORGER.name);
    // A rejected Update leaves no event: the history has only the API's own, encrypted, Updates.
    expect(await historyText(id)).not.toContain(FORGER.name);
    // The case is not stalled: the desk's real action goes through.
    expect((await api.request('POST', `/api/cases/${id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
    const accepted = (await detail(id)).body;
    expect(accepted.stage).not.toBe(before.stage);
    expect(accepted.timeline.map((e: { actor: string }) => e.actor)).not.toContain(FORGER.name);
  });

  it('never runs a workflow started without the key: its input is refused and no case appears', async () => {
    const caseId = `c${crypto.randomBytes(16).toString('hex')}`;
    const input = {
      caseId, registration: registration(), registeredBy: FORGER, fingerprint: 'forged', policy: DEFAULT_POLICY, calendar: TEST_CALENDAR, notice: DEFAULT_NOTICE_POLICY,
    };
    const handle = await raw.workflow.start(CASE_WORKFLOW, { workflowId: caseId, taskQueue: api.taskQueue, args: [input] });
    try {
      const failed = await eventually(async () => (await handle.fetchHistory()).events ?? [],
        (events) => events.some((e) => e.workflowTaskFailedEventAttributes), 'the forged start failing its first workflow task');
      expect(JSON.stringify(failed.find((e) => e.workflowTaskFailedEventAttributes))).toContain(REFUSED_ENCODING);
      // What the forger sent stays readable in the history, for an operator to see (and shows this test reads payloads).
      expect(await historyText(caseId)).toContain(input.registration.petitioner!.phone);
      expect(await api.db.case.findUnique({ where: { id: caseId } })).toBeNull();
      expect((await detail(caseId)).status).toBe(404);
    } finally {
      await handle.terminate('forged start, test cleanup');
    }
  });
});
