import { z } from 'zod';
import { BODY_KINDS } from '../../domain/bodies';
import { optionalText, text } from '../../domain/text';

export const bodyIdParams = z.object({ id: z.uuid({ message: 'must be a body id' }) });

const phone = z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number of 5 to 20 digits').trim();
const email = z.email({ message: 'must be an email address' }).max(200);

export const createBodySchema = z.object({
  name: text(200),
  kind: z.enum(BODY_KINDS),
  /** The person or office that receives our letters and acknowledges them. */
  contactName: text(100),
  contactPhone: phone.optional(),
  contactEmail: email.optional(),
  address: optionalText(300),
}).strict();

export const updateBodySchema = z.object({
  name: text(200).optional(),
  kind: z.enum(BODY_KINDS).optional(),
  contactName: text(100).optional(),
  contactPhone: phone.nullable().optional(),
  contactEmail: email.nullable().optional(),
  address: optionalText(300).nullable(),
  /** false retires the body: it is offered no more, and cases already sent there keep naming it. */
  active: z.boolean().optional(),
}).strict().refine((u) => Object.keys(u).length > 0, 'must change at least one field');

export const listBodiesQuery = z.object({
  kind: z.enum(BODY_KINDS).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
}).strict();

export const bodySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(BODY_KINDS),
  contactName: z.string(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.string(),
});

export const bodyListSchema = z.object({ items: z.array(bodySchema) });
