import { rolesForAny, STAFF_ACTIONS, stagesOf, rolesFor, type ActionName } from '../../domain/actions';
import { registrationSchema } from '../../domain/registration';
import { route, type Route, type VariantAccess } from '../http/route';
import { ACTION_SCHEMAS } from './action-schemas';
import { createCaseHandlers } from './handler';
import { actionParams, caseDetailSchema, caseIdParams, caseListSchema, listQuery } from './schemas';
import type { CaseService } from './service';

/** Who may take a case action: the roles of any stage at the route, narrowed to the case's stage by the service. */
function actionAccess(value: string): VariantAccess {
  const action = value as ActionName;
  const byStage = stagesOf(action).map((s) => `${s}: ${rolesFor(action, s).join(', ') || 'nobody'}`).join('; ');
  return { name: `case.${action}`, roles: rolesForAny(action), note: `By the case's stage: ${byStage}.` };
}

export function caseRoutes(cases: CaseService): Route[] {
  const h = createCaseHandlers(cases);
  return [
    route({
      method: 'post', path: '/api/cases', tag: 'cases', summary: 'Register a petition', permission: 'cases.register',
      body: registrationSchema, audit: () => 'case.register',
      headers: { 'Idempotency-Key': { required: true, description: 'the same key returns the same case, never a second' } },
      responses: {
        201: { description: 'the case, with its case number and query code', schema: caseDetailSchema },
        400: { description: 'invalid fields' },
        409: { description: 'the Idempotency-Key was used for a different registration' },
      },
      handle: h.register,
    }),
    route({
      method: 'get', path: '/api/cases', tag: 'cases', summary: 'List cases', permission: 'cases.read',
      query: listQuery,
      responses: { 200: { description: 'a page of cases', schema: caseListSchema } },
      handle: h.list,
    }),
    route({
      method: 'get', path: '/api/cases/:id', tag: 'cases', summary: 'Show a case with its timeline', permission: 'cases.read',
      params: caseIdParams,
      responses: { 200: { description: 'the case', schema: caseDetailSchema }, 404: { description: 'no such case, or not visible to the caller' } },
      handle: h.detail,
    }),
    route({
      method: 'post', path: '/api/cases/:id/actions/:action', tag: 'cases', summary: 'Perform a step on a case',
      variantAccess: actionAccess,
      params: actionParams,
      bodyVariants: Object.fromEntries(STAFF_ACTIONS.map((a) => [a, ACTION_SCHEMAS[a]])),
      audit: ({ action }) => `case.${action}`,
      responses: {
        200: { description: 'the case after the step', schema: caseDetailSchema },
        400: { description: 'invalid fields' },
        403: { description: 'the role may not perform this action, or not in the case\'s stage' },
        404: { description: 'no such case, or not visible to the caller' },
        409: { description: 'the action is not allowed in the case\'s stage' },
      },
      handle: h.act,
    }),
  ];
}
