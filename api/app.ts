import path from 'node:path';
import type { Client } from '@temporalio/client';
import express from 'express';
import type { AppConfig } from '../config/app';
import type { Db } from '../db/client';
import type { TimePolicy } from '../domain/policy';
import { attachmentRoutes } from './attachments/router';
import { createAttachmentService } from './attachments/service';
import { createAttachmentStore } from './attachments/store';
import { authRoutes } from './auth/router';
import { createAuthService } from './auth/service';
import { caseRoutes } from './cases/router';
import { createCaseService } from './cases/service';
import { consoleRouter } from './console/router';
import { healthRoutes } from './health/router';
import { ApiError, errorHandler } from './http/errors';
import { mount } from './http/route';
import { openApiDocument } from './openapi/document';
import { statisticsRoutes } from './statistics/router';
import { createStatisticsService } from './statistics/service';
import { similarCaseRoutes } from './similar-cases/router';
import { createSimilarCaseService } from './similar-cases/service';
import { townshipRoutes } from './townships/router';

export interface AppDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  policy: TimePolicy;
  config: Pick<AppConfig, 'TOKEN_TTL_HOURS' | 'QUERY_CODE_SECRET' | 'DATA_DIR' | 'ATTACHMENTS_DIR' | 'ATTACHMENT_MAX_MB'>;
}

export function createApp({ db, temporal, taskQueue, policy, config }: AppDeps): express.Express {
  const auth = createAuthService(db, config.TOKEN_TTL_HOURS);
  const cases = createCaseService({ db, temporal, taskQueue, policy, queryCodeSecret: config.QUERY_CODE_SECRET });
  const attachments = createAttachmentService({
    db, cases, store: createAttachmentStore(config.ATTACHMENTS_DIR ?? path.join(config.DATA_DIR, 'attachments')),
    maxBytes: config.ATTACHMENT_MAX_MB * 1024 * 1024,
  });
  const routes = [
    ...healthRoutes(db, temporal),
    ...authRoutes(auth),
    ...townshipRoutes(db),
    ...similarCaseRoutes(createSimilarCaseService(db)),
    ...caseRoutes(cases),
    ...statisticsRoutes(createStatisticsService(db)),
    ...attachmentRoutes(attachments),
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
  app.use(consoleRouter());
  app.use(errorHandler);
  return app;
}
