// Open311 GeoReport v2 for partner systems, through a client written from the specification
// (GeoReport v2: XML required, JSON optional, form-encoded POST, errors as a list of code and
// description), against the API on real PostgreSQL and a real Temporal dev server.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';

let api: ApiStack;
let apiKey: string;
let partnerName: string;

/** The client: GET with query parameters, POST form-encoded; the answer's text and content type. */
const open311 = {
  async get(path: string, params: Record<string, string> = {}) {
    const qs = new URLSearchParams(params).toString();
    const res = await fetch(`${api.url}/open311/v2/${path}${qs ? `?${qs}` : ''}`);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  },
  async post(format: 'xml' | 'json', fields: Record<string, string>) {
    const res = await fetch(`${api.url}/open311/v2/requests.${format}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  },
};

/** The text of each `<tag>` element in an XML answer, in order. */
const xmlValues = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

const request = (overrides: Record<string, string> = {}) => ({
  api_key: apiKey, service_code: 'dibao', address_id: TOWNSHIP_A,
  first_name: '三', last_name: '张', phone: '13800000000', email: 'zhang@example.com',
  description: '申请人反映其家庭低保于今年被取消，但家庭收入未变化，请求恢复。', ...overrides,
});

beforeAll(async () => {
  api = await startApiStack();
  const admin = await api.login('admin');
  partnerName = `市12345热线-${crypto.randomUUID().slice(0, 8)}`;
  const created = await api.request('POST', '/api/partners', { token: admin, body: { name: partnerName, sourceLevel: 'city' } });
  expect(created.status).toBe(201);
  apiKey = created.body.apiKey;
});
afterAll(async () => { await api?.stop(); });

describe('Open311 GeoReport v2', () => {
  it('lists the assistance categories as services, in XML and JSON, with the townships as an attribute', async () => {
    const xml = await open311.get('services.xml');
    expect([xml.status, xml.type]).toEqual([200, 'text/xml; charset=utf-8']);
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?><services><service>')).toBe(true);
    expect(xmlValues(xml.text, 'service_code')).toEqual(['dibao', 'tekun', 'disaster', 'medical', 'education', 'housing', 'employment', 'temporary', 'other']);
    const json = await open311.get('services.json');
    expect(JSON.parse(json.text)[0]).toEqual(expect.objectContaining({ service_code: 'dibao', service_name: '低保', metadata: true, type: 'realtime' }));
    const definition = await open311.get('services/dibao.xml');
    expect(xmlValues(definition.text, 'code')).toEqual(['township', 'kind', 'subject']);
    expect(xmlValues(definition.text, 'key')).toContain(TOWNSHIP_A);
  });

  it('files a partner\'s form-encoded request as a case at the township, and a repeat with its own request id returns the same case', async () => {
    const partnerRequestId = `12345-${crypto.randomUUID()}`;
    const first = await open311.post('xml', request({ partner_request_id: partnerRequestId, address_id: `${TOWNSHIP_B}/东风村` }));
    expect([first.status, first.type]).toEqual([201, 'text/xml; charset=utf-8']);
    const [caseNo] = xmlValues(first.text, 'service_request_id');
    expect(caseNo).toMatch(/^XF\d{4}-\d{6}$/);
    const again = await open311.post('json', request({ partner_request_id: partnerRequestId, address_id: `${TOWNSHIP_B}/东风村` }));
    expect(again.status).toBe(201);
    expect(JSON.parse(again.text)[0].service_request_id).toBe(caseNo);

    const row = await api.db.case.findUniqueOrThrow({ where: { caseNo } });
    expect(row).toMatchObject({
      channel: 'online', kind: 'complaint', category: 'dibao', townshipCode: TOWNSHIP_B, village: '东风村',
      sourceLevel: 'city', sourceBody: partnerName, sourceReference: partnerRequestId, petitionerName: '张三', petitionerPhone: '13800000000',
    });
    expect(await api.db.case.count({ where: { sourceReference: partnerRequestId } })).toBe(1);
    // Without its own id, each POST is a new request, as the specification has it.
    const other = await open311.post('json', request({ 'attribute[kind]': 'help', address_id: '', 'attribute[township]': TOWNSHIP_A, address_string: '前进村3组' }));
    expect(JSON.parse(other.text)[0].service_request_id).not.toBe(caseNo);
  });

  it('shows the public only what the status page shows: no names, contacts, addresses or descriptions', async () => {
    const filed = await open311.post('json', request({ address_string: '前进村3组' }));
    const caseNo = JSON.parse(filed.text)[0].service_request_id as string;
    for (const path of ['requests.json', `requests/${caseNo}.json`]) {
      const listed = await open311.get(path, path === 'requests.json' ? { service_code: 'dibao', status: 'open' } : {});
      expect(listed.status).toBe(200);
      const item = (JSON.parse(listed.text) as Array<Record<string, unknown>>).find((r) => r.service_request_id === caseNo)!;
      expect(Object.keys(item).sort()).toEqual(['expected_datetime', 'requested_datetime', 'service_code', 'service_name', 'service_request_id', 'status', 'status_notes', 'updated_datetime']);
      expect(item).toMatchObject({ status: 'open', service_code: 'dibao', status_notes: expect.stringContaining('受理') });
      for (const secret of ['张三', '13800000000', 'zhang@example.com', '前进村3组', '家庭收入']) expect(listed.text).not.toContain(secret);
    }
    const xml = await open311.get('requests.xml', { service_request_id: caseNo });
    expect(xmlValues(xml.text, 'service_request_id')).toEqual([caseNo]);
    expect(xmlValues(xml.text, 'status')).toEqual(['open']);
  });

  it('refuses a wrong key, a missing location, a body that is not a form and unknown resources, as the specification\'s error list', async () => {
    const wrongKey = await open311.post('xml', request({ api_key: 'not-a-key' }));
    expect([wrongKey.status, xmlValues(wrongKey.text, 'code')]).toEqual([403, ['403']]);
    const noPlace = await open311.post('json', request({ address_id: '' }));
    expect(noPlace.status).toBe(400);
    expect(JSON.parse(noPlace.text)[0]).toEqual({ code: 400, description: expect.stringContaining('address_id: a location is required') });
    const unknownTownship = await open311.post('json', request({ address_id: '999999999' }));
    expect([unknownTownship.status, JSON.parse(unknownTownship.text)[0].description]).toEqual([400, expect.stringContaining('address_id: is not a township')]);
    const asJson = await fetch(`${api.url}/open311/v2/requests.json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request()) });
    expect(asJson.status).toBe(415);
    expect((await open311.get('requests/XF2000-000001.xml')).status).toBe(404);
    expect((await open311.get('services/unknown.json')).status).toBe(400);
    expect((await open311.get('requests.json', { start_date: '' })).status).toBe(400);
    const put = await fetch(`${api.url}/open311/v2/services.json`, { method: 'PUT' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('stops a revoked partner\'s key, and is in the OpenAPI document for both formats', async () => {
    const admin = await api.login('admin');
    const p = await api.request('POST', '/api/partners', { token: admin, body: { name: `网上信访-${crypto.randomUUID().slice(0, 8)}`, sourceLevel: 'province' } });
    expect((await open311.post('json', request({ api_key: p.body.apiKey }))).status).toBe(201);
    expect((await api.request('POST', `/api/partners/${p.body.id}/revoke`, { token: admin })).status).toBe(200);
    expect((await open311.post('json', request({ api_key: p.body.apiKey }))).status).toBe(403);
    expect((await api.request('GET', '/api/partners', { token: await api.login('desk') })).status).toBe(403);

    const doc = (await api.request('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths['/open311/v2/requests.xml'].post.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(Object.keys(doc.paths['/open311/v2/requests.json'].get.responses['200'].content)).toEqual(['application/json']);
    expect(Object.keys(doc.paths['/open311/v2/services.xml'].get.responses['200'].content)).toEqual(['text/xml']);
  });
});
