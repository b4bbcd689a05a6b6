// Open311 GeoReport v2 in the OpenAPI document: one operation per path and format, the form body and
// the answers as the specification defines them (XML as text/xml, JSON as application/json).
import { z } from 'zod';
import { CATEGORIES, KINDS } from '../../domain/case';
import { OPEN311_BASE } from './router';

const FORMATS = { json: 'application/json', xml: 'text/xml' } as const;
const str = (extra: object = {}) => ({ type: 'string', ...extra });
const { format, pattern } = z.toJSONSchema(z.email()) as { format: string; pattern: string };
const EMAIL = { format, pattern };
const nullableStr = { type: ['string', 'null'] };

const errors = { type: 'array', items: { type: 'object', required: ['code', 'description'], properties: { code: { type: 'integer' }, description: str() } } };
const service = {
  type: 'object', required: ['service_code', 'service_name', 'metadata', 'type'],
  properties: { service_code: str({ enum: CATEGORIES }), service_name: str(), description: str(), metadata: { type: 'boolean' }, type: str(), keywords: str(), group: str() },
};
const value = { type: 'object', required: ['key', 'name'], properties: { key: str(), name: str() } };
const definition = {
  type: 'object', required: ['service_code', 'attributes'],
  properties: {
    service_code: str(),
    attributes: {
      type: 'array',
      items: {
        type: 'object', required: ['variable', 'code', 'datatype', 'required', 'order', 'description', 'values'],
        properties: { variable: { type: 'boolean' }, code: str(), datatype: str(), required: { type: 'boolean' }, datatype_description: str(), order: { type: 'integer' }, description: str(), values: { type: 'array', items: value } },
      },
    },
  },
};
/** Only what the petitioner's public page shows: no names, addresses, descriptions or media. */
const request = {
  type: 'object', additionalProperties: false,
  required: ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'requested_datetime', 'updated_datetime', 'expected_datetime'],
  properties: {
    service_request_id: str(), status: str({ enum: ['open', 'closed'] }), status_notes: nullableStr, service_name: str(), service_code: str(),
    requested_datetime: str({ format: 'date-time' }), updated_datetime: str({ format: 'date-time' }), expected_datetime: { type: ['string', 'null'], format: 'date-time' },
  },
};
const created = {
  type: 'array', items: { type: 'object', required: ['service_request_id', 'service_notice', 'account_id'], properties: { service_request_id: str(), service_notice: str(), account_id: nullableStr } },
};
const discovery = { type: 'object', required: ['changeset', 'contact', 'endpoints'], properties: { changeset: str(), contact: str(), key_service: str(), endpoints: { type: 'array' } } };

const body = (format: keyof typeof FORMATS, schema: object) => ({ [FORMATS[format]]: { schema: format === 'json' ? schema : str() } });
const failure = (format: keyof typeof FORMATS, description: string) => ({ description, content: body(format, errors) });

function operation(format: keyof typeof FORMATS, o: { summary: string; status?: number; schema: object; responses?: Record<number, string>; parameters?: object[]; requestBody?: object; limited?: boolean }) {
  const fails: Record<number, string> = { 400: 'invalid request', 404: 'no such resource', 503: 'a dependency is unavailable; retry shortly', ...o.responses };
  if (o.limited !== false) fails[429] = 'too many requests from this address; see Retry-After';
  return {
    summary: `${o.summary} (Open311 GeoReport v2, ${format.toUpperCase()})`,
    description: o.requestBody ? 'Partner systems, identified by their api_key (POST /api/partners issues one).' : 'Public.',
    tags: ['open311'],
    operationId: `open311${o.summary.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}${format.toUpperCase()}`,
    parameters: o.parameters ?? [],
    ...(o.requestBody ? { requestBody: o.requestBody } : {}),
    responses: {
      [o.status ?? 200]: { description: 'the answer', content: body(format, o.schema) },
      ...Object.fromEntries(Object.entries(fails).map(([s, d]) => [s, failure(format, d)])),
    },
  };
}

const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, description, schema });

/** The Open311 path items, for both formats; `townshipCodes` lists the codes a location may name. */
export function open311Paths(townshipCodes: string[] = []): Record<string, Record<string, object>> {
  const township = townshipCodes.length ? { enum: townshipCodes } : { pattern: '^[0-9]{3,12}$' };
  const form = {
    type: 'object', required: ['api_key', 'service_code', 'description'],
    anyOf: [{ required: ['address_id'] }, { required: ['attribute[township]'] }],
    properties: {
      api_key: str({ minLength: 1, description: 'the partner\'s key' }),
      service_code: str({ enum: CATEGORIES }),
      jurisdiction_id: str({ maxLength: 100 }),
      lat: { type: 'number', minimum: -90, maximum: 90 }, long: { type: 'number', minimum: -180, maximum: 180 },
      address_id: str({ ...township, description: 'a township code (the case is placed at its centre)' }),
      address_string: str({ maxLength: 300, pattern: '^[^\\x00]*$' }),
      // The pattern the API's e-mail check applies (zod's), so the document accepts exactly what the API does.
      email: str({ ...EMAIL, maxLength: 200 }),
      device_id: str({ maxLength: 200 }), account_id: str({ maxLength: 200 }),
      first_name: str({ maxLength: 50, pattern: '^[^\\x00]*$' }), last_name: str({ maxLength: 50, pattern: '^[^\\x00]*$' }),
      phone: str({ pattern: '^[0-9+\\- ]{5,20}$' }),
      description: str({ minLength: 1, maxLength: 4000, pattern: '\\S' }),
      media_url: str({ format: 'uri', maxLength: 1000 }),
      'attribute[township]': str(township),
      'attribute[kind]': str({ enum: KINDS }),
      'attribute[subject]': str({ maxLength: 200, pattern: '^[^\\x00]*$' }),
      partner_request_id: str({ pattern: '^[\\x21-\\x7e]{1,200}$', description: 'the partner\'s own id: a repeated POST with it returns the same case' }),
    },
  };
  const paths: Record<string, Record<string, object>> = {};
  for (const format of ['json', 'xml'] as const) {
    paths[`${OPEN311_BASE}/discovery.${format}`] = { get: operation(format, { summary: 'Discovery', schema: discovery }) };
    paths[`${OPEN311_BASE}/services.${format}`] = { get: operation(format, { summary: 'List services', schema: { type: 'array', items: service } }) };
    paths[`${OPEN311_BASE}/services/{service_code}.${format}`] = {
      get: operation(format, {
        summary: 'Service definition', schema: definition,
        parameters: [{ name: 'service_code', in: 'path', required: true, schema: str({ enum: CATEGORIES }) }],
      }),
    };
    paths[`${OPEN311_BASE}/requests.${format}`] = {
      get: operation(format, {
        summary: 'List service requests', schema: { type: 'array', items: request },
        parameters: [
          query('service_request_id', str({ pattern: '^XF[0-9]{4}-[0-9]{6}(,XF[0-9]{4}-[0-9]{6}){0,99}$' }), 'comma-separated ids; the other filters are then ignored'),
          query('service_code', str({ enum: CATEGORIES }), 'one service'),
          query('start_date', str({ format: 'date-time' }), 'received at or after (default: 90 days ago)'),
          query('end_date', str({ format: 'date-time' }), 'received at or before'),
          query('status', str({ enum: ['open', 'closed', 'open,closed'] }), 'open or closed'),
          query('jurisdiction_id', str({ maxLength: 100 }), 'ignored: one jurisdiction'),
        ],
      }),
      post: operation(format, {
        summary: 'Create a service request', status: 201, schema: created, limited: false,
        responses: { 403: 'the api_key is not a partner\'s current key', 409: 'the partner_request_id was used for a different request', 413: 'the body is too large', 415: 'the body is not form-encoded' },
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: form } } },
      }),
    };
    paths[`${OPEN311_BASE}/requests/{service_request_id}.${format}`] = {
      get: operation(format, {
        summary: 'Show a service request', schema: { type: 'array', items: request },
        parameters: [{ name: 'service_request_id', in: 'path', required: true, schema: str({ pattern: '^XF[0-9]{4}-[0-9]{6}$' }) }],
      }),
    };
  }
  return paths;
}
