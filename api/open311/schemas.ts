// Open311 GeoReport v2 requests as the specification names their fields. Form fields and query
// parameters arrive as strings; an empty one counts as left out.
import { z } from 'zod';
import { CATEGORIES, KINDS } from '../../domain/case';
import { optionalText, text } from '../../domain/text';

const blankIsAbsent = (v: unknown) => (v === '' ? undefined : v);
const field = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsAbsent, schema);
const name = field(optionalText(50));

export const formatParams = z.object({ format: z.enum(['xml', 'json'], { message: 'must be xml or json' }) });
export const serviceParams = formatParams.extend({ serviceCode: z.enum(CATEGORIES, { message: 'must be a service code from GET services' }) });
export const requestParams = formatParams.extend({ id: z.string().regex(/^XF\d{4}-\d{6}$/, 'must be a service request id like XF2026-000123') });

/** The partner's own id for a request: the same id from the same partner returns the same case. */
export const partnerRequestId = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters');

export const createRequestForm = z.object({
  api_key: z.string({ message: 'is required' }).min(1, 'is required'),
  service_code: z.enum(CATEGORIES, { message: 'must be a service code from GET services' }),
  jurisdiction_id: field(z.string().max(100).optional()),
  lat: field(z.coerce.number().min(-90).max(90).optional()),
  long: field(z.coerce.number().min(-180).max(180).optional()),
  /** A township code, or `township code/village name`: the case is placed at that township's or village's centre. */
  address_id: field(z.string().regex(/^[0-9]{3,12}(\/[^/\x00-\x1f]{1,100})?$/, 'must be a township code, or a township code and a village name as CODE/村名').optional()),
  address_string: field(optionalText(300)),
  email: field(z.email('must be an email address').max(200).optional()),
  device_id: field(z.string().max(200).optional()),
  account_id: field(z.string().max(200).optional()),
  first_name: name,
  last_name: name,
  phone: field(z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number of 5 to 20 digits').optional()),
  description: field(text(4000)),
  media_url: field(z.url('must be a URL').max(1000).optional()),
  /** Service attributes (GET services/{code}): the township, for an address_string; the kind of petition; a subject. */
  'attribute[township]': field(z.string().regex(/^[0-9]{3,12}$/, 'must be a township code').optional()),
  'attribute[kind]': field(z.enum(KINDS).default('complaint')),
  'attribute[subject]': field(optionalText(200)),
  partner_request_id: field(partnerRequestId.optional()),
}).superRefine((f, ctx) => {
  if (!f.address_id && !f['attribute[township]']) {
    ctx.addIssue({ code: 'custom', path: ['address_id'], message: 'a location is required: address_id (a township code, or CODE/村名), or attribute[township] with address_string or lat and long' });
  }
  if ((f.lat === undefined) !== (f.long === undefined)) ctx.addIssue({ code: 'custom', path: ['long'], message: 'lat and long go together' });
});

export type CreateRequestForm = z.infer<typeof createRequestForm>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) => z.string().transform((s) => s.split(',').map((x) => x.trim())).pipe(z.array(item).min(1).max(100));
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** Query parameters as sent: an empty one is refused like any other value that does not fit. */
export const listRequestsQuery = z.object({
  service_request_id: csv(requestParams.shape.id).optional(),
  service_code: z.enum(CATEGORIES).optional(),
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
  status: csv(z.enum(['open', 'closed'])).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});
