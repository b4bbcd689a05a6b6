import path from 'node:path';
import { z } from 'zod';
import { parseNoticePolicy, type NoticePolicy } from '../domain/notice';
import { parsePolicy, type TimePolicy } from '../domain/policy';
import type { MailConfig } from '../notifications/mailer';
import { LOCALES } from '../notifications/templates';
import { LOG_LEVELS } from '../observability/log';
import { parseEnv } from './parse-env';
import { appSecrets, type AppSecrets, type Mode } from './secrets';

// Application configuration, read once from the environment and validated at start so a typo
// fails loudly instead of surfacing as a strange error later.
const schema = z.object({
  DATA_DIR: z.string().default(path.resolve('data')),
  /** The application's role, which owns nothing (docs/database-roles.md). */
  DATABASE_URL: z.url().optional(),
  /** The role that owns the tables and runs the migrations; DATABASE_URL's when unset. */
  DATABASE_OWNER_URL: z.url().optional(),
  /** `npm start`'s demo county and logins: `on` by default on the embedded database only. */
  DEMO: z.enum(['on', 'off']).optional(),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Login throttling: failures per username before a lock, per client address, and the lock's minutes. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Served over HTTPS (usually behind a proxy): session cookies get `Secure` and responses HSTS. */
  HTTPS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Express's `trust proxy`, so the audit log records the client's address rather than the proxy's. */
  /** e.g. `loopback`, `10.0.0.0/8`, or a hop count. */
  TRUST_PROXY: z.string().optional()
    .transform((v) => (v === undefined ? undefined : /^[0-9]+$/.test(v) ? Number(v) : v === 'true' ? true : v)),
  /**
   * `production` refuses to start with a default secret or with the demo accounts (see config/secrets.ts);
   * `demo` (the default, unless NODE_ENV=production) runs on published demo defaults.
   */
  JIANJIAN_MODE: z.enum(['demo', 'production']).optional(),
  NODE_ENV: z.string().optional(),
  /** The application's master secret (32+ characters, e.g. `openssl rand -base64 32`): keys the query codes' encryption and the device cookies. */
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Calls per minute one address may make to the public (no login) endpoints. */
  /** How long the API waits for a workflow to answer an action (an Update) before answering 504. */
  UPDATE_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(8),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Public notice periods, e.g. `first=7d,second=3d` (公示 and the second notice after a review of objections). */
  NOTICE_PERIODS: z.string().optional(),
  /** `county` (one round) or `village,township,county` (三榜公示). */
  NOTICE_ROUNDS: z.string().optional(),
  /** Overrides of the stage time limits and escalation ladder, e.g. `investigation=10wd,warning=2wd` (domain/policy.ts). */
  STAGE_LIMITS: z.string().optional(),
  /**
   * Where attached files' bytes are kept: `postgres` (bytea chunks in the application's database, so
   * every API process serves every file) or `files` (a local folder: one API process only).
   */
  ATTACHMENT_STORE: z.enum(['postgres', 'files']).default('postgres'),
  /** The folder of ATTACHMENT_STORE=files; `DATA_DIR/attachments` unless set. */
  ATTACHMENTS_DIR: z.string().optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** SMTP server for notifications (`smtp://user:pass@host:587`); unset, mail goes to the outbox folder. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  /** Where mail goes without SMTP_URL: one .eml file per message. Default `<DATA_DIR>/outbox`. */
  MAIL_OUTBOX_DIR: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('件件落实 <noreply@jianjian.local>'),
  MAIL_LOCALE: z.enum(LOCALES).default('zh'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** The least severe JSON log line written: `info` logs every request, `warn` only failures. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export type AppConfig = Omit<z.infer<typeof schema>, 'SECRET_KEY' | 'JIANJIAN_MODE' | 'NODE_ENV'>
  & { mode: Mode; demo: boolean; secrets: AppSecrets; policy: TimePolicy; noticePolicy: NoticePolicy; mail: MailConfig };

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const { SECRET_KEY, JIANJIAN_MODE, NODE_ENV, ...parsed } = parseEnv(schema, env, 'configuration');
  const mode: Mode = JIANJIAN_MODE ?? (NODE_ENV === 'production' ? 'production' : 'demo');
  const mail: MailConfig = {
    from: parsed.MAIL_FROM,
    smtpUrl: parsed.SMTP_URL,
    outboxDir: parsed.MAIL_OUTBOX_DIR ?? path.join(parsed.DATA_DIR, 'outbox'),
    locale: parsed.MAIL_LOCALE,
    maxAttempts: parsed.MAIL_MAX_ATTEMPTS,
  };
  // Production mode never seeds the demo county's logins.
  const demo = mode === 'demo' && (parsed.DEMO ? parsed.DEMO === 'on' : !parsed.DATABASE_URL);
  return { ...parsed, mode, demo, secrets: appSecrets(mode, SECRET_KEY), policy: parsePolicy(parsed.STAGE_LIMITS), noticePolicy: parseNoticePolicy(parsed.NOTICE_PERIODS, parsed.NOTICE_ROUNDS), mail };
}
