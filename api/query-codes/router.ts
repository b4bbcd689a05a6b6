import { z } from 'zod';
import { caseIdParams } from '../cases/schemas';
import type { CaseService } from '../cases/service';
import { route, type Route } from '../http/route';
import type { QueryCodes } from '../shared/query-code';

const reissuedSchema = z.object({ caseNo: z.string(), queryCode: z.string() }).strict();

export function queryCodeRoutes(cases: CaseService, queryCodes: QueryCodes): Route[] {
  return [
    route({
      method: 'post', path: '/api/cases/:id/query-code', tag: 'cases', summary: 'Reissue a case\'s query code', permission: 'cases.register',
      params: caseIdParams,
      // The audit entry (with the desk user and the case) is what answers "who gave out this code".
      audit: () => 'case.query-code-reissued',
      responses: {
        200: { description: 'a new random query code for the petitioner\'s receipt; the old one stops working', schema: reissuedSchema },
        404: { description: 'no such case' },
      },
      handle: async ({ params, user }) => {
        const row = await cases.loadVisible(params.id, user);
        return { body: { caseNo: row.caseNo, queryCode: await queryCodes.reissue(row.id) } };
      },
    }),
  ];
}
