// The dev server's Web UI, as `npm start` runs it: its write actions are off (the settings tell the UI
// so, and the calls are refused anyway), reads pass, and it reads payloads through the codec endpoint.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration } from '../support/fixtures';

let api: ApiStack;
let caseId: string;
const ui = (path: string, init?: RequestInit) => fetch(`${inject('temporalUiUrl')}${path}`, init);

beforeAll(async () => {
  api = await startApiStack();
  const desk = await api.login('desk');
  caseId = (await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } })).body.id;
});
afterAll(async () => { await api?.stop(); });

describe('the Temporal Web UI of the dev server', () => {
  it('tells the UI its write actions are off and to decode through the codec endpoint with the session', async () => {
    const r = await ui('/api/v1/settings');
    expect(r.status).toBe(200);
    const settings = await r.json() as Record<string, unknown>;
    expect(settings).toMatchObject({
      DisableWriteActions: true, WorkflowTerminateDisabled: true, WorkflowSignalDisabled: true, WorkflowUpdateDisabled: true,
      WorkflowResetDisabled: true, StartWorkflowDisabled: true, BatchActionsDisabled: true,
      Codec: { IncludeCredentials: true, PassAccessToken: false },
    });
  });

  it("refuses a write through the UI's API, and the case's workflow keeps running", async () => {
    const base = `/api/v1/namespaces/default/workflows/${caseId}`;
    for (const action of ['terminate', 'cancel', `signal/calendarChanged`]) {
      const r = await ui(`${base}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'probe' }) });
      expect(r.status, action).toBe(405);
    }
    expect((await ui(`/api/v1/namespaces/default/workflows/${caseId}`, { method: 'DELETE' })).status).toBe(405);
    expect((await api.temporal.workflow.getHandle(caseId).describe()).status.name).toBe('RUNNING');
    // Reads go through to the UI server.
    const read = await ui(`${base}?execution.workflowId=${caseId}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain(caseId);
  });
});
