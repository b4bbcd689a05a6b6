import type { Client } from '@temporalio/client';
import express from 'express';
import type { AppConfig } from '../config/app';
import type { Db } from '../db/client';
import type { TimePolicy } from '../domain/policy';
import { authRoutes } from './auth/router';
import { createAuthService } from './auth/service';
import { caseRoutes } from './cases/router';
import { createCaseService } from './cases/service';
import { healthRoutes } from './health/router';
import { ApiError, errorHandler } from './http/errors';
import { mount } from './http/route';
import { openApiDocument } from './openapi/document';
import { statisticsRoutes } from './statistics/router';
import { createStatisticsService } from './statistics/service';
import { townshipRoutes } from './townships/router';

export interface AppDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  policy: TimePolicy;
  config: Pick<AppConfig, 'TOKEN_TTL_HOURS' | 'QUERY_CODE_SECRET'>;
}

export function createApp({ db, temporal, taskQueue, policy, config }: AppDeps): express.Express {
  const auth = createAuthService(db, config.TOKEN_TTL_HOURS);
  const cases = createCaseService({ db, temporal, taskQueue, policy, queryCodeSecret: config.QUERY_CODE_SECRET });
  const routes = [
    ...healthRoutes(db, temporal),
    ...authRoutes(auth),
    ...townshipRoutes(db),
    ...caseRoutes(cases),
    ...statisticsRoutes(createStatisticsService(db)),
  ];
  const document = openApiDocument(routes);

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '256kb', strict: true }));
  const router = express.Router();
  mount(router, routes, (req) => auth.authenticate(req.headers.authorization));
  router.get('/api/openapi.json', (_req, res) => { res.json(document); });
  app.use(router);
  app.use('/api', () => { throw ApiError.notFound('endpoint'); });
  app.use(errorHandler);
  return app;
}
