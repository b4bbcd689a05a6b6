import path from 'node:path';
import { z } from 'zod';
import { parsePolicy, type TimePolicy } from '../domain/policy';
import { parseEnv } from './parse-env';

// Application configuration, read once from the environment and validated at start so a typo
// fails loudly instead of surfacing as a strange error later.
const schema = z.object({
  DATA_DIR: z.string().default(path.resolve('data')),
  DATABASE_URL: z.url().optional(),
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
  // Derives each case's query code; any long random string in production.
  QUERY_CODE_SECRET: z.string().min(16).default('jianjian-demo-query-code-secret'),
  /** Calls per minute one address may make to the public (no login) endpoints. */
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Overrides of the stage time limits, e.g. `investigation=10wd,recheck=3wd`. */
  STAGE_LIMITS: z.string().optional(),
  /** Where attached files are kept; `DATA_DIR/attachments` unless set. */
  ATTACHMENTS_DIR: z.string().optional(),
  ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(20),
});

export type AppConfig = z.infer<typeof schema> & { policy: TimePolicy };

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = parseEnv(schema, env, 'configuration');
  return { ...parsed, policy: parsePolicy(parsed.STAGE_LIMITS) };
}
