import type { z } from 'zod';
import type { RouteContext, RouteResult } from '../http/route';
import type { caseIdParams } from '../cases/schemas';
import type { attachmentParams, uploadQuery } from './schemas';
import type { AttachmentService } from './service';

type Ctx<P = unknown, Q = unknown> = RouteContext<P, Q, unknown>;

export function createAttachmentHandlers(attachments: AttachmentService) {
  return {
    async upload({ params, query, req, user }: Ctx<z.infer<typeof caseIdParams>, z.infer<typeof uploadQuery>>): Promise<RouteResult> {
      const declared = req.header('Content-Length');
      const a = await attachments.upload(params.id, {
        name: query.name, contentType: req.header('Content-Type'), length: declared ? Number(declared) : undefined, body: req,
      }, user);
      return { status: 201, body: a, headers: { Location: `/api/cases/${a.caseId}/attachments/${a.id}` } };
    },

    async list({ params, user }: Ctx<z.infer<typeof caseIdParams>>): Promise<RouteResult> {
      return { body: await attachments.list(params.id, user) };
    },

    async download({ params, user }: Ctx<z.infer<typeof attachmentParams>>): Promise<RouteResult> {
      return { file: await attachments.download(params.id, params.attachmentId, user) };
    },
  };
}
