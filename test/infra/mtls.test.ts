// mTLS between jianjian and Temporal, configured as in production (TEMPORAL_TLS_* variables, see
// docs/temporal-security.md): with the county CA's client certificate the API and the worker connect
// and run a case; without one, or with one from another CA, they cannot connect and do not start.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTemporalConfig } from '../../temporal.config';
import { connectClient, connectWorker } from '../../temporal.connection';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { registration } from '../support/fixtures';
import { makeCa, makeCert, makePki, startMtlsFront, type MtlsFront, type Pki } from '../support/mtls';

const dir = path.join(inject('runDir'), `mtls-${crypto.randomUUID()}`);
let pki: Pki;
let front: MtlsFront;
let api: ApiStack | undefined;

beforeAll(async () => {
  pki = makePki(dir);
  front = await startMtlsFront(pki, inject('temporalAddress'));
});
afterAll(async () => {
  await api?.stop();
  await front?.close();
});

/** The configuration a county's API and worker would run with. */
const tlsEnv = (cert = pki.clientCert, key = pki.clientKey): Record<string, string> => ({
  TEMPORAL_ADDRESS: front.address, TEMPORAL_PAYLOAD_KEYS: inject('payloadKeys'),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: pki.ca, TEMPORAL_TLS_SERVER_NAME: 'temporal.county.internal',
  TEMPORAL_TLS_CLIENT_CERT_PATH: cert, TEMPORAL_TLS_CLIENT_KEY_PATH: key,
});

describe('mTLS to the Temporal server', () => {
  it('lets the API and the worker run a case with the client certificate', async () => {
    api = await startApiStack(tlsEnv(), { address: front.address });
    const desk = await api.login('desk');
    const r = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(r.status).toBe(201);
    // Registered by the worker's activity, which reached Temporal through the same mTLS front.
    const row = await eventually(() => api!.db.case.findUnique({ where: { id: r.body.id } }), (c) => c !== null, 'the case row');
    expect(row!.stage).toBe('registered');
    expect((await api.temporal.workflow.getHandle(r.body.id).describe()).status.name).toBe('RUNNING');
  });

  it('refuses a client and a worker without a client certificate', async () => {
    const { TEMPORAL_TLS_CLIENT_CERT_PATH: _c, TEMPORAL_TLS_CLIENT_KEY_PATH: _k, ...withoutCert } = tlsEnv();
    const config = loadTemporalConfig(withoutCert);
    const before = front.refused;
    await expect(connectClient(config, front.address, { connectTimeout: 5000 }).then(async (c) => {
      // A lazy channel only fails on its first call.
      try { await c.client.workflowService.getSystemInfo({}); } finally { await c.close(); }
    })).rejects.toThrow();
    await expect(connectWorker(config, front.address)).rejects.toThrow();
    expect(front.refused).toBeGreaterThan(before);
  });

  it("refuses a client certificate from another CA, and plain text", async () => {
    const otherCa = makeCa(path.join(dir, 'other'), 'other-ca');
    const stranger = makeCert(path.join(dir, 'other'), otherCa, 'stranger', 'DNS:stranger');
    await expect(connectWorker(loadTemporalConfig(tlsEnv(stranger.cert, stranger.key)), front.address)).rejects.toThrow();
    const { TEMPORAL_TLS_SERVER_CA_CERT_PATH: _a, TEMPORAL_TLS_SERVER_NAME: _b, TEMPORAL_TLS_CLIENT_CERT_PATH: _c, TEMPORAL_TLS_CLIENT_KEY_PATH: _d, ...plain } = tlsEnv();
    await expect(connectWorker(loadTemporalConfig(plain), front.address)).rejects.toThrow();
  });
});
