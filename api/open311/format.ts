// Open311 GeoReport v2 answers in the format the path names: XML (required by the specification)
// or JSON. The XML is the specification's: a root element, one child per item, fields as elements.

export type Format = 'xml' | 'json';

/** The element name of a list's items, by the list's own name. */
const ITEM: Record<string, string> = {
  services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value',
  endpoints: 'endpoint', formats: 'format',
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => element(ITEM[name] ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

export const CONTENT_TYPE: Record<Format, string> = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' };

/** A list under its root name (`services`, `service_requests`, `errors`) or one object (`service_definition`, `discovery`). */
export function render(format: Format, root: string, value: unknown): string {
  return format === 'json' ? JSON.stringify(value) : `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}
