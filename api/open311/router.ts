// Open311 GeoReport v2 over HTTP (`/open311/v2/...`): each resource in the format its path names,
// POST form-encoded as the specification says, errors as its `errors` list. The public reads are
// rate-limited like the other public endpoints; a POST is identified by its partner's API key.
import express, { type ErrorRequestHandler, type Request, type Response } from 'express';
import type { z } from 'zod';
import { ApiError, parseOr400 } from '../http/errors';
import type { RateLimiter } from '../http/rate-limit';
import { CONTENT_TYPE, render, type Format } from './format';
import { createRequestForm, formatParams, listRequestsQuery, requestParams, serviceParams } from './schemas';
import type { Open311Service } from './service';

export const OPEN311_BASE = '/open311/v2';

/** The format a path asks for; an unknown one is answered in XML, the specification's default. */
const formatOf = (req: Request): Format => (req.path.endsWith('.json') ? 'json' : 'xml');

function send(res: Response, format: Format, status: number, root: string, value: unknown) {
  res.status(status).type(CONTENT_TYPE[format]).send(render(format, root, value));
}

/** Every refusal as the specification's error list, in the format asked for. */
function sendError(req: Request, res: Response, e: unknown) {
  const err = e instanceof ApiError ? e : undefined;
  if (err?.headers) res.set(err.headers);
  const description = err ? [err.message, ...(err.fields ?? []).map((f) => `${f.field}: ${f.message}`)].join('; ') : 'internal error';
  if (!err) console.error('[open311]', e);
  send(res, formatOf(req), err?.status ?? 500, 'errors', [{ code: err?.status ?? 500, description }]);
}

export function open311Router(service: Open311Service, limiter: RateLimiter): express.Router {
  const router = express.Router();
  const publicRead = (handler: (req: Request, format: Format) => Promise<[string, unknown]>) => async (req: Request, res: Response) => {
    res.locals.route = req.route?.path;
    try {
      await limiter.take(`public:${req.ip ?? 'unknown'}`);
      const { format } = parseOr400(formatParams, req.params, 'params');
      const [root, value] = await handler(req, format);
      send(res, format, 200, root, value);
    } catch (e) {
      sendError(req, res, e);
    }
  };

  router.get(`${OPEN311_BASE}/discovery.:format`, publicRead(async (req) => ['discovery', {
    changeset: '2026-12-04T00:00:00Z',
    contact: '县民政局信访窗口',
    key_service: 'API keys are issued by the county bureau\'s administrator (POST /api/partners)',
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2', url: `${req.protocol}://${req.get('host')}${OPEN311_BASE}`,
      changeset: '2026-12-04T00:00:00Z', type: 'production', formats: ['text/xml', 'application/json'],
    }],
  }]));
  router.get(`${OPEN311_BASE}/services.:format`, publicRead(async () => ['services', service.services()]));
  router.get(`${OPEN311_BASE}/services/:serviceCode.:format`, publicRead(async (req) => {
    const { serviceCode } = parseOr400(serviceParams, req.params, 'params');
    return ['service_definition', await service.definition(serviceCode)];
  }));
  router.get(`${OPEN311_BASE}/requests.:format`, publicRead(async (req) => {
    const q: z.infer<typeof listRequestsQuery> = parseOr400(listRequestsQuery, req.query, 'query');
    return ['service_requests', await service.list(q)];
  }));
  router.get(`${OPEN311_BASE}/requests/:id.:format`, publicRead(async (req) => {
    const { id } = parseOr400(requestParams, req.params, 'params');
    return ['service_requests', await service.one(id)];
  }));
  router.post(`${OPEN311_BASE}/requests.:format`, express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }), async (req, res) => {
    res.locals.route = req.route?.path;
    try {
      const { format } = parseOr400(formatParams, req.params, 'params');
      if (!req.is('application/x-www-form-urlencoded')) {
        throw new ApiError(415, 'unsupported_media_type', 'the body must be form-encoded (Content-Type: application/x-www-form-urlencoded)');
      }
      const form = parseOr400(createRequestForm, req.body ?? {});
      send(res, format, 201, 'service_requests', await service.create(form));
    } catch (e) {
      sendError(req, res, e);
    }
  });
  // A known resource asked with another method answers 405 naming the ones it takes.
  for (const [path, allow] of [['discovery', 'GET, HEAD'], ['services', 'GET, HEAD'], ['services/:serviceCode', 'GET, HEAD'], ['requests', 'GET, HEAD, POST'], ['requests/:id', 'GET, HEAD']]) {
    router.all(`${OPEN311_BASE}/${path}.:format`, (req, res) => sendError(req, res, ApiError.methodNotAllowed(allow!)));
  }
  router.all(`${OPEN311_BASE}/*rest`, (req, res) => sendError(req, res, ApiError.notFound('Open311 resource')));
  // The form parser's refusals (a body too large or unreadable), in Open311's words too.
  router.use(OPEN311_BASE, ((err, req, res, _next) => {
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 400;
    sendError(req, res, new ApiError(status, 'invalid_request', 'the body could not be read as a form', [{ field: '(body)', message: String(err?.type ?? 'unreadable') }]));
  }) as ErrorRequestHandler);
  return router;
}
