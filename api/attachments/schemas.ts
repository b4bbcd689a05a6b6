import { z } from 'zod';
import { fileName } from '../../domain/text';
import { caseIdParams } from '../cases/schemas';

export const attachmentParams = caseIdParams.extend({ attachmentId: z.uuid({ message: 'must be an attachment id' }) });

export const uploadQuery = z.object({
  // Shown to users and sent back as the download name; never used as a path.
  name: fileName(200).pipe(z.string().regex(/^[^\\/\x00-\x1f\x7f]+$/, 'must be a file name without slashes or control characters')),
}).strict();

export const attachmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  stage: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const attachmentListSchema = z.object({
  items: z.array(attachmentSchema),
  /** What an upload may be, so clients can say so before sending. */
  limits: z.object({ maxBytes: z.number(), contentTypes: z.array(z.string()) }),
});
