import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../documents/notices';
import { isoDateTime } from '../../domain/text';
import { caseIdParams } from '../cases/schemas';

export const DELIVERY_METHODS = ['handed_over', 'post', 'electronic'] as const;

export const documentParams = caseIdParams.extend({ documentId: z.uuid({ message: 'must be a document id' }) });

export const deliverySchema = z.object({
  /** Handed over (at the meeting or the desk), by post, or electronically. */
  method: z.enum(DELIVERY_METHODS),
  /** When the addressee received it: the day on the postal receipt for post. */
  deliveredAt: isoDateTime(),
}).strict();

export const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  docNo: z.string(),
  issuedAt: z.string(),
  delivery: z.object({ method: z.enum(DELIVERY_METHODS), deliveredAt: z.string() }).nullable(),
  /** Where the PDF is downloaded: it is kept with the case's attachments. */
  href: z.string(),
});

export const documentListSchema = z.object({ items: z.array(documentSchema) });
