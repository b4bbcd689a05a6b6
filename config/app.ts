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
  // Derives each case's query code; any long random string in production.
  QUERY_CODE_SECRET: z.string().min(16).default('jianjian-demo-query-code-secret'),
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
