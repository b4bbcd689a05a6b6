// Endpoints without a login: the petitioner's page and the public notice board. Every one of them
// is rate-limited per caller address.
import { objectionSchema } from '../../domain/notice-schemas';
import { petitionerSatisfactionSchema } from '../cases/action-schemas';
import type { RateLimiter } from '../http/rate-limit';
import { route, type Route } from '../http/route';
import { createPublicHandlers } from './handler';
import {
  assistanceListQuery, assistanceListSchema, caseNoParams, noticeIdParams, noticeListQuery, objectionReceiptSchema,
  publicCaseSchema, publicNoticeListSchema, queryCodeQuery,
} from './schemas';
import type { PublicService } from './service';

const limited = { 429: { description: 'too many requests from this address; see Retry-After' } };
const unknownCase = { 404: { description: 'no such case, or a wrong query code (the two answer alike)' } };

export function publicRoutes(service: PublicService, limiter: RateLimiter): Route[] {
  const h = createPublicHandlers(service, limiter);
  return [
    route({
      method: 'get', path: '/public/cases/:caseNo', tag: 'public', summary: 'Show a petitioner their case',
      params: caseNoParams, query: queryCodeQuery,
      responses: {
        200: { description: 'the stage, dates, the reply and what the petitioner may do next; nothing internal', schema: publicCaseSchema },
        ...unknownCase,
        ...limited,
      },
      handle: h.caseStatus,
    }),
    route({
      method: 'post', path: '/public/cases/:caseNo/satisfaction', tag: 'public', summary: 'Rate the outcome of a case',
      params: caseNoParams, query: queryCodeQuery, body: petitionerSatisfactionSchema,
      responses: {
        200: { description: 'the case, with the answer recorded; an unsatisfied answer is offered the review request', schema: publicCaseSchema },
        ...unknownCase,
        409: { description: 'not now: only from the written reply until the 复查 window ends, and once' },
        ...limited,
      },
      handle: h.rate,
    }),
    route({
      method: 'get', path: '/public/notices', tag: 'public', summary: 'List the notices on the board now',
      query: noticeListQuery,
      responses: { 200: { description: 'first notices open to objections and second notices posting review results', schema: publicNoticeListSchema }, ...limited },
      handle: h.notices,
    }),
    route({
      method: 'post', path: '/public/notices/:id/objections', tag: 'public', summary: 'Object to a notice',
      params: noticeIdParams, body: objectionSchema,
      responses: {
        201: { description: 'the objection is recorded for the county\'s review', schema: objectionReceiptSchema },
        404: { description: 'no such notice on the board' },
        409: { description: 'the notice does not take objections now (the window has closed, or it posts a review result)' },
        ...limited,
      },
      handle: h.object,
    }),
    route({
      method: 'get', path: '/public/assistance-list', tag: 'public', summary: 'List the households receiving assistance',
      query: assistanceListQuery,
      responses: { 200: { description: 'the long-term public list: name and amount only', schema: assistanceListSchema }, ...limited },
      handle: h.assistanceList,
    }),
  ];
}
