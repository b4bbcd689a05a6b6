import { ATTACHMENT_CONTENT_TYPES } from '../../domain/attachments';
import { caseIdParams } from '../cases/schemas';
import { route, type Route } from '../http/route';
import { createAttachmentHandlers } from './handler';
import { attachmentListSchema, attachmentParams, attachmentSchema, uploadQuery } from './schemas';
import type { AttachmentService } from './service';

export function attachmentRoutes(attachments: AttachmentService): Route[] {
  const h = createAttachmentHandlers(attachments);
  return [
    route({
      method: 'post', path: '/api/cases/:id/attachments', tag: 'attachments', summary: 'Attach a file to a case', permission: 'attachments.upload',
      params: caseIdParams, query: uploadQuery,
      fileBody: { contentTypes: ATTACHMENT_CONTENT_TYPES, description: 'the file itself; its Content-Type must match its name and content' },
      responses: {
        201: { description: 'the attachment', schema: attachmentSchema },
        400: { description: 'a type not taken, a name that does not match it, or an empty file' },
        404: { description: 'no such case, or not visible to the caller' },
        409: { description: 'the case is closed' },
        413: { description: 'the file is over the size limit' },
      },
      handle: h.upload,
    }),
    route({
      method: 'get', path: '/api/cases/:id/attachments', tag: 'attachments', summary: 'List a case\'s attachments', permission: 'attachments.read',
      params: caseIdParams,
      responses: { 200: { description: 'the attachments, oldest first', schema: attachmentListSchema }, 404: { description: 'no such case, or not visible to the caller' } },
      handle: h.list,
    }),
    route({
      method: 'get', path: '/api/cases/:id/attachments/:attachmentId', tag: 'attachments', summary: 'Download an attachment', permission: 'attachments.read',
      params: attachmentParams,
      responses: { 200: { description: 'the file, as a download under its name', file: ATTACHMENT_CONTENT_TYPES }, 404: { description: 'no such case or attachment, or not visible to the caller' } },
      handle: h.download,
    }),
  ];
}
