import { route, type Route } from '../http/route';
import { similarListSchema, similarQuery } from './schemas';
import type { SimilarCaseService } from './service';

export function similarCaseRoutes(similar: SimilarCaseService): Route[] {
  return [
    route({
      // POST so that ID numbers and phone numbers stay out of URLs and access logs.
      method: 'post', path: '/api/cases/similar', tag: 'cases', summary: 'Find similar open or final cases', permission: 'cases.register',
      body: similarQuery,
      responses: { 200: { description: 'open cases, and final ones (终结, not accepted again), with the same ID number or phone, or the same township and subject', schema: similarListSchema } },
      handle: async ({ body, user }) => ({ body: await similar.find(body, user) }),
    }),
  ];
}
