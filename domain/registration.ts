// The registration form (登记) of DESIGN.md §2 step 1 and §6.
import { z } from 'zod';
import { CATEGORIES, CHANNELS, KINDS, SOURCE_LEVELS } from './case';
import { villageCode } from './divisions';
import { isoDateTime, optionalText, text, townshipCode } from './text';

const petitioner = z.object({
  name: text(100),
  // Patterns judge the value as sent, as the OpenAPI document says; trimming comes after.
  phone: z.string().regex(/^[0-9+\- ]{5,20}$/, 'must be a phone number of 5 to 20 digits').trim().optional(),
  idNumber: z.string().regex(/^[0-9]{17}[0-9Xx]$/, 'must be an 18-character resident ID number').optional(),
  address: optionalText(300),
  /** Where the petitioner is told of an extension; optional. */
  email: z.email('must be an email address').max(200).optional(),
}).strict();

export const registrationSchema = z.object({
  channel: z.enum(CHANNELS),
  kind: z.enum(KINDS),
  source: z.object({
    level: z.enum(SOURCE_LEVELS),
    body: text(200),
    reference: optionalText(100),
  }).strict().optional(),
  township: townshipCode,
  /** A village of the township from the county's list; `village` stays for free text (older intake forms). */
  villageCode: villageCode.optional(),
  village: optionalText(100),
  category: z.enum(CATEGORIES),
  subject: text(200),
  facts: text(20000),
  request: text(4000),
  petitioner: petitioner.optional(),
  anonymous: z.boolean().default(false),
  /**
   * The matter concerns a public official or cadre (涉及公职人员或干部): counted in statistics; an
   * accusation so marked belongs to 纪检监察 and is transferred there, never to a township.
   */
  concernsCadre: z.boolean().optional(),
  /** 救急难: an urgent help request, whose first aid (先行救助) is due within 48 hours of receipt. */
  urgent: z.boolean().optional(),
  receivedAt: isoDateTime(),
}).strict().superRefine((r, ctx) => {
  if (r.urgent && r.kind !== 'help') {
    ctx.addIssue({ code: 'custom', path: ['urgent'], message: 'is only for help requests (kind "help")' });
  }
  if (!r.anonymous && !r.petitioner) {
    ctx.addIssue({ code: 'custom', path: ['petitioner'], message: 'is required unless anonymous is true' });
  }
  if (r.anonymous && r.petitioner) {
    ctx.addIssue({ code: 'custom', path: ['petitioner'], message: 'must be left out when anonymous is true' });
  }
  if (r.channel === 'forwarded' && !r.source) {
    ctx.addIssue({ code: 'custom', path: ['source'], message: 'is required for forwarded petitions' });
  }
}).meta({
  // The same rules for the OpenAPI document, which cannot see into a refinement.
  allOf: [
    { if: { properties: { anonymous: { const: true } }, required: ['anonymous'] }, then: { not: { required: ['petitioner'] } }, else: { required: ['petitioner'] } },
    { if: { properties: { channel: { const: 'forwarded' } }, required: ['channel'] }, then: { required: ['source'] } },
    { if: { properties: { urgent: { const: true } }, required: ['urgent'] }, then: { properties: { kind: { const: 'help' } } } },
  ],
});

export type Registration = z.infer<typeof registrationSchema>;
