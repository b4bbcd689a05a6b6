// Per request: a request id (the caller's X-Request-Id when it sends a sane one, else a new one),
// answered in X-Request-Id; one JSON log line when the response ends; Prometheus counters and a
// latency histogram by route pattern (never by id), served at /metrics.
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import client from 'prom-client';
import type { Db } from '../../db/client';
import type { Logger } from '../../observability/log';

const REQUEST_ID = /^[\x21-\x7e]{1,100}$/;

/** The metrics endpoint in the OpenAPI document. */
export const METRICS_PATH = {
  '/metrics': {
    get: {
      summary: 'Prometheus metrics of this API process', description: 'Internal: for the scraper, not forwarded by the reverse proxy.', tags: ['health'],
      operationId: 'getMetrics', parameters: [],
      responses: { 200: { description: 'the Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } },
    },
  },
};

export function createHttpObservability(db: Db, log: Logger) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new client.Counter({ name: 'jianjian_http_requests_total', help: 'HTTP requests answered, by route pattern and status', labelNames, registers: [registry] });
  const duration = new client.Histogram({
    name: 'jianjian_http_request_duration_seconds', help: 'HTTP request latency, by route pattern', labelNames, registers: [registry],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  // Read at scrape time from the read model: the alert on overdue growth watches this.
  new client.Gauge({
    name: 'jianjian_cases_overdue', help: 'open cases past their running due time', registers: [registry],
    async collect() { this.set(await db.case.count({ where: { stage: { not: 'closed' }, dueAt: { lt: new Date() } } })); },
  });

  return {
    middleware(req: Request, res: Response, next: NextFunction) {
      const sent = req.header('X-Request-Id');
      const requestId = sent && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
      res.locals.requestId = requestId;
      res.set('X-Request-Id', requestId);
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        // The route pattern, set by the router (`/api/cases/:id`); unmatched paths share one label.
        const route = (res.locals.route as string | undefined) ?? 'unmatched';
        const labels = { method: req.method, route, status: String(res.statusCode) };
        requests.inc(labels);
        duration.observe(labels, seconds);
        const level = res.statusCode >= 500 ? 'error' : 'info';
        log[level]('request', { requestId, ...labels, path: req.path, ms: Math.round(seconds * 1000), ...(res.locals.caseId ? { caseId: res.locals.caseId } : {}) });
      });
      next();
    },

    async metrics(_req: Request, res: Response) {
      res.type(registry.contentType).send(await registry.metrics());
    },
  };
}
