import { caseIdParams } from '../cases/schemas';
import { route, type Route } from '../http/route';
import { deliverySchema, documentListSchema, documentParams, documentSchema } from './schemas';
import type { DocumentService } from './service';

export function documentRoutes(documents: DocumentService): Route[] {
  return [
    route({
      method: 'get', path: '/api/cases/:id/documents', tag: 'documents', summary: 'List a case\'s written notices', permission: 'documents.read',
      params: caseIdParams,
      responses: {
        200: { description: 'the notices issued, oldest first, with their numbers and delivery', schema: documentListSchema },
        404: { description: 'no such case, or not visible to the caller' },
      },
      handle: async ({ params, user }) => ({ body: await documents.list(params.id, user) }),
    }),
    route({
      method: 'post', path: '/api/cases/:id/documents/:documentId/delivery', tag: 'documents', summary: 'Record a notice\'s delivery', permission: 'documents.deliver',
      params: documentParams, body: deliverySchema, audit: () => 'documents.deliver',
      responses: {
        200: { description: 'the notice with its delivery', schema: documentSchema },
        404: { description: 'no such case or notice, or not visible to the caller' },
      },
      handle: async ({ params, body, user }) => ({ body: await documents.deliver(params.id, params.documentId, body, user) }),
    }),
  ];
}
