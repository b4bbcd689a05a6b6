import path from 'node:path';
import type { Client } from '@temporalio/client';
import express from 'express';
import type { AppConfig } from '../config/app';
import type { Db } from '../db/client';
import { createLogger } from '../observability/log';
import type { TimePolicy } from '../domain/policy';
import type { PayloadKey } from '../temporal.codec';
import { attachmentRoutes } from './attachments/router';
import { createAttachmentService } from './attachments/service';
import { createAttachmentStore } from './attachments/store';
import { createAuditLog } from './audit/log';
import { auditRoutes } from './audit/router';
import { createDeviceCookies } from './auth/device-cookie';
import { authRoutes } from './auth/router';
import { bodyRoutes } from './bodies/router';
import { createBodyService } from './bodies/service';
import { documentRoutes } from './documents/router';
import { createDocumentService } from './documents/service';
import { calendarRoutes } from './calendar/router';
import { createCalendarService } from './calendar/service';
import { createAuthService } from './auth/service';
import { createLoginThrottle } from './auth/throttle';
import { caseRoutes } from './cases/router';
import { createCaseService } from './cases/service';
import { consoleRouter } from './console/router';
import { dashboardRoutes } from './dashboard/router';
import { healthRoutes } from './health/router';
import { ApiError, errorHandler } from './http/errors';
import { createHttpObservability, METRICS_PATH } from './http/observe';
import { createUpdateDeadline } from './http/update-deadline';
import { createRateLimiter } from './http/rate-limit';
import { mount } from './http/route';
import { securityHeaders } from './http/security';
import { noticeRoutes } from './notices/router';
import { createNoticeService } from './notices/service';
import { openApiDocument } from './openapi/document';
import { open311Paths } from './open311/openapi';
import { open311Router } from './open311/router';
import { createOpen311Service } from './open311/service';
import { partnerRoutes } from './partners/router';
import { createPartnerService } from './partners/service';
import { exportRoutes } from './exports/router';
import { createExportService } from './exports/service';
import { publicRoutes } from './public/router';
import { createPublicService } from './public/service';
import { queryCodeRoutes } from './query-codes/router';
import { createQueryCodes } from './shared/query-code';
import { reportRoutes } from './reports/router';
import { createReportService } from './reports/service';
import { statisticsRoutes } from './statistics/router';
import { createStatisticsService } from './statistics/service';
import { similarCaseRoutes } from './similar-cases/router';
import { createSimilarCaseService } from './similar-cases/service';
import { codecCors, CODEC_PATH, temporalCodecRoutes } from './temporal-codec/router';
import { createCodecService } from './temporal-codec/service';
import { divisionRoutes } from './divisions/router';
import { createDivisionService } from './divisions/service';
import { createUserService } from './users/service';
import { userRoutes } from './users/router';

export interface AppDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  policy: TimePolicy;
  /** The Temporal Web UI's codec endpoint: the payload keys, the UI's origins, the tools' token. */
  codec: { keys: PayloadKey[]; origins: string[]; token?: string };
  config: Pick<AppConfig, 'TOKEN_TTL_HOURS' | 'secrets' | 'DATA_DIR' | 'ATTACHMENT_STORE' | 'ATTACHMENTS_DIR' | 'ATTACHMENT_MAX_MB'
    | 'LOGIN_MAX_FAILURES' | 'LOGIN_MAX_FAILURES_PER_IP' | 'LOGIN_LOCK_MINUTES' | 'HTTPS' | 'TRUST_PROXY' | 'PUBLIC_RATE_LIMIT' | 'UPDATE_TIMEOUT_SECONDS' | 'LOG_LEVEL' | 'noticePolicy'>;
}

export function createApp({ db, temporal, taskQueue, policy, codec, config }: AppDeps): express.Express {
  const audit = createAuditLog(db);
  const throttle = createLoginThrottle(db, {
    maxFailures: config.LOGIN_MAX_FAILURES, maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP, lockMinutes: config.LOGIN_LOCK_MINUTES,
  });
  const auth = createAuthService({ db, audit, throttle, devices: createDeviceCookies(config.secrets.deviceKey, config.HTTPS), tokenTtlHours: config.TOKEN_TTL_HOURS });
  const queryCodes = createQueryCodes(db, config.secrets.queryCodeKey);
  const withinDeadline = createUpdateDeadline(temporal, config.UPDATE_TIMEOUT_SECONDS);
  const cases = createCaseService({ db, temporal, taskQueue, policy, noticePolicy: config.noticePolicy, queryCodes, audit, withinDeadline });
  const attachments = createAttachmentService({
    db, cases,
    store: createAttachmentStore(config.ATTACHMENT_STORE === 'files' ? { kind: 'files', dir: config.ATTACHMENTS_DIR ?? path.join(config.DATA_DIR, 'attachments') } : { kind: 'postgres' }, db),
    maxBytes: config.ATTACHMENT_MAX_MB * 1024 * 1024,
  });
  const notices = createNoticeService({ db, temporal, withinDeadline });
  const publicService = createPublicService({ db, temporal, queryCodes, withinDeadline });
  const publicLimiter = createRateLimiter(db, { limit: config.PUBLIC_RATE_LIMIT, windowMs: 60_000 });
  const partners = createPartnerService(db);
  const routes = [
    ...healthRoutes(db, temporal),
    ...authRoutes(auth, { secureCookies: config.HTTPS }),
    ...divisionRoutes(createDivisionService(db)),
    ...bodyRoutes(createBodyService(db)),
    ...similarCaseRoutes(createSimilarCaseService(db, audit)),
    ...caseRoutes(cases),
    ...queryCodeRoutes(cases, queryCodes),
    ...statisticsRoutes(createStatisticsService(db)),
    ...exportRoutes(createExportService(db, audit)),
    ...reportRoutes(createReportService({ db, temporal, taskQueue })),
    ...attachmentRoutes(attachments),
    ...documentRoutes(createDocumentService({ db, cases })),
    ...userRoutes(createUserService({ db, throttle })),
    ...auditRoutes(audit),
    ...noticeRoutes(notices),
    ...publicRoutes(publicService, publicLimiter),
    ...calendarRoutes(createCalendarService({ db, temporal, taskQueue, policy })),
    ...dashboardRoutes(db),
    ...partnerRoutes(partners),
    ...temporalCodecRoutes(createCodecService({ ...codec, audit, authenticate: (req, opts) => auth.authenticate(req, opts) })),
  ];
  // Built per request: request bodies list the county's township codes, which live in the database.
  const document = async () => {
    const townshipCodes = (await db.township.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((t) => t.code);
    return openApiDocument(routes, { townshipCodes, extraPaths: { ...open311Paths(townshipCodes), ...METRICS_PATH } });
  };

  const app = express();
  app.disable('x-powered-by');
  if (config.TRUST_PROXY) app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'simple');
  const observe = createHttpObservability(db, createLogger(config.LOG_LEVEL, 'api'));
  app.use(observe.middleware);
  app.use(securityHeaders(config.HTTPS));
  app.use(CODEC_PATH, codecCors(codec.origins));
  // A history's payloads come to the codec endpoint in one call.
  app.use(CODEC_PATH, express.json({ limit: '8mb', strict: true }));
  app.use(express.json({ limit: '256kb', strict: true }));
  const router = express.Router();
  mount(router, routes, { authenticate: (req) => auth.authenticate(req), audit });
  router.get('/api/openapi.json', async (_req, res) => { res.json(await document()); });
  // For the Prometheus scraper on the internal network; the reverse proxy does not forward it.
  router.all('/metrics', (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') next();
    else throw ApiError.methodNotAllowed('GET, HEAD');
  });
  router.get('/metrics', observe.metrics);
  app.use(router);
  app.use(open311Router(createOpen311Service({ db, cases, partners }), publicLimiter));
  app.use(['/api', '/public'], () => { throw ApiError.notFound('endpoint'); });
  app.use(consoleRouter());
  app.use(errorHandler);
  return app;
}
