// The one typed place for how jianjian reaches Temporal: the server, the namespace and task queue,
// how a local server is provisioned when none is given, and the worker's tuning. The server itself
// (address, namespace, TLS and mTLS files, API key) is Temporal's environment configuration:
// TEMPORAL_* variables or a profile in a TOML file (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadClientConfigProfile, type ClientConfigProfile, type ConfigDataSource } from '@temporalio/envconfig';
import { z } from 'zod';
import { ConfigError, parseEnv } from './config/parse-env';

const schema = z.object({
  /** An existing server; when unset `npm start` runs a local dev server. */
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('jianjian-cases'),
  /** Port and Web UI port of the local dev server. */
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  /** Where built server binaries are kept between runs, outside the repository. */
  TEMPORAL_CACHE_DIR: z.string().default(path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'jianjian')),
  /** Prebuilt binaries to use instead of finding or building them: the Temporal CLI, and a test-server launcher. */
  TEMPORAL_CLI: z.string().min(1).optional(),
  TEMPORAL_TEST_SERVER: z.string().min(1).optional(),
  /** The Temporal CLI release built with `go install` when no `temporal` binary is found. */
  TEMPORAL_CLI_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/).default('1.5.1'),
  /** The Java time-skipping test server from Maven Central, for clock tests. */
  TEMPORAL_TEST_SERVER_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/).default('1.31.0'),
  /**
   * A cached case workflow costs the worker about 1.6 MB of its workflow thread's V8 heap
   * (docs/performance.md): 500 keep it near 1 GB. Past about 2,000 raise the heap limit too
   * (NODE_OPTIONS=--max-old-space-size=…): Node's default, about 4 GB, holds some 2,500.
   */
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(500),
  TEMPORAL_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
  TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).default(40),
  /** When the weekly report runs: a cron expression in WEEKLY_REPORT_TIMEZONE, or `off`. */
  WEEKLY_REPORT_CRON: z.string().trim().min(1).default('0 8 * * FRI'),
  WEEKLY_REPORT_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
  /** How late a missed run (server or workers down) is still taken. */
  WEEKLY_REPORT_CATCHUP_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  WEEKLY_REPORT_SCHEDULE_ID: z.string().regex(/^[\w.-]{1,200}$/, 'must be letters, digits, dots, dashes or underscores').default('jianjian-weekly-report'),
});

export interface TemporalConfig {
  /** The configured server; unset, `npm start` runs a local dev server. */
  address?: string;
  namespace: string;
  /** The configured server's profile (TLS, API key, gRPC headers), from which the connection is made. */
  profile: ClientConfigProfile;
  taskQueue: string;
  server: {
    port: number;
    uiPort: number;
    cacheDir: string;
    cliVersion: string;
    testServerVersion: string;
    /** Prebuilt binaries, when given. */
    cli?: string;
    testServer?: string;
  };
  weeklyReport: {
    /** null: no schedule. */
    cron: string | null;
    timezone: string;
    catchupDays: number;
    scheduleId: string;
  };
  worker: {
    maxCachedWorkflows: number;
    maxConcurrentActivityTaskExecutions: number;
    maxConcurrentWorkflowTaskExecutions: number;
  };
}

export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const e = parseEnv(schema, env, 'Temporal configuration');
  const profile = loadProfile(env);
  return {
    address: profile.address,
    namespace: profile.namespace ?? e.TEMPORAL_NAMESPACE,
    profile,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    server: {
      port: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      cacheDir: e.TEMPORAL_CACHE_DIR,
      cliVersion: e.TEMPORAL_CLI_VERSION,
      testServerVersion: e.TEMPORAL_TEST_SERVER_VERSION,
      cli: e.TEMPORAL_CLI,
      testServer: e.TEMPORAL_TEST_SERVER,
    },
    weeklyReport: {
      cron: e.WEEKLY_REPORT_CRON === 'off' ? null : e.WEEKLY_REPORT_CRON,
      timezone: e.WEEKLY_REPORT_TIMEZONE,
      catchupDays: e.WEEKLY_REPORT_CATCHUP_DAYS,
      scheduleId: e.WEEKLY_REPORT_SCHEDULE_ID,
    },
    worker: {
      maxCachedWorkflows: e.TEMPORAL_MAX_CACHED_WORKFLOWS,
      maxConcurrentActivityTaskExecutions: e.TEMPORAL_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskExecutions: e.TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS,
    },
  };
}

/** The environment configuration's profile; a named file or profile that is missing, or a certificate file that is, refuses the start. */
function loadProfile(env: NodeJS.ProcessEnv): ClientConfigProfile {
  // An empty variable means unset here too, as parseEnv reads it.
  const set = Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => kv[1] !== undefined && kv[1] !== ''));
  if (set.TEMPORAL_CONFIG_FILE && !fs.existsSync(set.TEMPORAL_CONFIG_FILE)) {
    throw new ConfigError(`Invalid Temporal configuration: TEMPORAL_CONFIG_FILE "${set.TEMPORAL_CONFIG_FILE}" does not exist`);
  }
  let profile: ClientConfigProfile;
  try {
    profile = loadClientConfigProfile({ overrideEnvVars: set });
  } catch (err) {
    throw new ConfigError(`Invalid Temporal configuration: ${(err as Error).message}`);
  }
  const files: Array<[string, ConfigDataSource | undefined]> = [
    ['TLS client certificate (TEMPORAL_TLS_CLIENT_CERT_PATH or tls.client_cert_path)', profile.tls?.clientCert],
    ['TLS client key (TEMPORAL_TLS_CLIENT_KEY_PATH or tls.client_key_path)', profile.tls?.clientKey],
    ['TLS server CA certificate (TEMPORAL_TLS_SERVER_CA_CERT_PATH or tls.server_ca_cert_path)', profile.tls?.serverCACert],
  ];
  for (const [what, source] of files) {
    if (source && 'path' in source && !fs.existsSync(source.path)) {
      throw new ConfigError(`Invalid Temporal configuration: the ${what} file "${source.path}" does not exist`);
    }
  }
  if (!profile.tls?.clientCert !== !profile.tls?.clientKey) {
    throw new ConfigError('Invalid Temporal configuration: mTLS needs both a client certificate and its key');
  }
  return profile;
}
