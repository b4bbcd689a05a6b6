import { route, type Route } from '../http/route';
import type { AuditLog } from './log';
import { auditPageSchema, auditQuery } from './schemas';

export function auditRoutes(audit: AuditLog): Route[] {
  return [
    route({
      method: 'get', path: '/api/audit', tag: 'audit', summary: 'Search the audit log', permission: 'audit.read',
      query: auditQuery,
      responses: { 200: { description: 'matching entries, newest first', schema: auditPageSchema } },
      handle: async ({ query }) => {
        const page = await audit.search(query);
        // Reading the log is itself on the record.
        await audit.record({ action: 'audit.search', status: 200, detail: { query: { ...query, from: query.from?.toISOString(), to: query.to?.toISOString() } } });
        return { body: page };
      },
    }),
  ];
}
