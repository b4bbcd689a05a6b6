import { z } from 'zod';

const base64 = z.string().max(4_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** A Temporal payload as the codec-server protocol sends it: metadata values and data in base64. */
export const payloadSchema = z.strictObject({
  metadata: z.record(z.string().min(1).max(200), base64).optional(),
  data: base64.optional(),
});

export const payloadsSchema = z.strictObject({ payloads: z.array(payloadSchema).max(1000) });

export type WirePayloads = z.infer<typeof payloadsSchema>;
