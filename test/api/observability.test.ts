// What operators watch: each request's JSON log line with its request id and case id, and the
// Prometheus metrics at /metrics, by route pattern (never by id).
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration } from '../support/fixtures';

let api: ApiStack;
let desk: string;

beforeAll(async () => {
  api = await startApiStack({ LOG_LEVEL: 'info' });
  desk = await api.login('desk');
});
afterAll(async () => { await api?.stop(); });

describe('observability', () => {
  it('logs each request as one JSON line with its request id, route, status and case id, and answers the id', async () => {
    const c = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { lines.push(String(chunk)); return true; });
    let res: Awaited<ReturnType<ApiStack['request']>>;
    try {
      res = await api.request('GET', `/api/cases/${c.body.id}`, { token: desk, headers: { 'X-Request-Id': 'desk-7f3a' } });
      await new Promise((r) => setImmediate(r));
    } finally {
      spy.mockRestore();
    }
    expect(res.headers.get('x-request-id')).toBe('desk-7f3a');
    const entries = lines.flatMap((l) => l.split('\n')).filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const entry = entries.find((e) => e.requestId === 'desk-7f3a');
    expect(entry).toMatchObject({ level: 'info', component: 'api', msg: 'request', method: 'GET', route: '/api/cases/:id', status: '200', caseId: c.body.id });
    // Nothing of the petitioner's reaches the log.
    expect(JSON.stringify(entries)).not.toContain('张三');
    const generated = await api.request('GET', '/healthz');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves Prometheus metrics by route pattern, with the overdue count', async () => {
    const c = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    await api.request('GET', `/api/cases/${c.body.id}`, { token: desk });
    const res = await fetch(`${api.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/jianjian_http_requests_total\{method="GET",route="\/api\/cases\/:id",status="200"\} [1-9]/);
    const bucket = text.split('\n').find((l) => l.startsWith('jianjian_http_request_duration_seconds_bucket{') && l.includes('le="+Inf"') && l.includes('route="/api/cases",status="201"'));
    expect(bucket).toMatch(/ [1-9]\d*$/);
    expect(text).toMatch(/^jianjian_cases_overdue \d+$/m);
    expect(text).not.toContain(c.body.id);
  });
});
