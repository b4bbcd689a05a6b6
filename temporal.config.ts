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
import type { PayloadKey } from './temporal.codec';

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
  /** Where the worker serves the SDK's Prometheus metrics (e.g. `0.0.0.0:9464`); unset, none. */
  WORKER_METRICS_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
  /** When the weekly report runs: a cron expression in WEEKLY_REPORT_TIMEZONE, or `off`. */
  WEEKLY_REPORT_CRON: z.string().trim().min(1).default('0 8 * * FRI'),
  WEEKLY_REPORT_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
  /** How late a missed run (server or workers down) is still taken. */
  WEEKLY_REPORT_CATCHUP_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /**
   * The payload codec's AES-256 keys, `id=base64` separated by commas; the first encrypts, all decrypt
   * (rotation: put a new key first, drop an old one once no open case was written with it). Required
   * with a configured server; the local dev server of `npm start` uses a published demo key.
   */
  TEMPORAL_PAYLOAD_KEYS: z.string().transform((v, ctx) => {
    const keys = v.split(',').map((part) => {
      const [, id, key] = /^\s*([\w.-]{1,64})=([A-Za-z0-9+/_-]+={0,2})\s*$/.exec(part) ?? [];
      return { id: id ?? '', key: Buffer.from(key ?? '', 'base64') };
    });
    if (keys.some((k) => !k.id || k.key.length !== 32)) {
      ctx.addIssue({ code: 'custom', message: 'must be id=key pairs separated by commas, each key 32 bytes in base64 (openssl rand -base64 32)' });
    } else if (new Set(keys.map((k) => k.id)).size !== keys.length) {
      ctx.addIssue({ code: 'custom', message: 'names a key id twice' });
    }
    return keys;
  }).optional(),
  /** The Temporal Web UI's origin, the only one whose browsers may call the API's codec endpoint; the local dev server's UI by default. */
  TEMPORAL_UI_ORIGIN: z.url().transform((u) => new URL(u).origin).optional(),
  /** A token for tools (the Temporal CLI's --codec-auth) to call the codec endpoint with; unset, only administrators decode. */
  TEMPORAL_CODEC_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  WEEKLY_REPORT_SCHEDULE_ID: z.string().regex(/^[\w.-]{1,200}$/, 'must be letters, digits, dots, dashes or underscores').default('jianjian-weekly-report'),
});

export interface TemporalConfig {
  /** The configured server; unset, `npm start` runs a local dev server. */
  address?: string;
  namespace: string;
  /** The configured server's profile (TLS, API key, gRPC headers), from which the connection is made. */
  profile: ClientConfigProfile;
  taskQueue: string;
  /** The payload codec's keys, the encrypting one first (temporal.codec.ts). */
  payloadKeys: PayloadKey[];
  /** Who may call the API's codec endpoint (api/temporal-codec). */
  webUi: { origins: string[]; codecToken?: string };
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
    /** host:port of the SDK's Prometheus endpoint, when served. */
    metricsAddress?: string;
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
    // Production mode as config/app.ts reads it.
    payloadKeys: payloadKeys(e.TEMPORAL_PAYLOAD_KEYS, profile.address, (env.JIANJIAN_MODE || (env.NODE_ENV === 'production' ? 'production' : 'demo')) === 'production'),
    webUi: {
      origins: e.TEMPORAL_UI_ORIGIN ? [e.TEMPORAL_UI_ORIGIN] : ['127.0.0.1', 'localhost'].map((h) => `http://${h}:${e.TEMPORAL_UI_PORT}`),
      codecToken: e.TEMPORAL_CODEC_TOKEN,
    },
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
      metricsAddress: e.WORKER_METRICS_ADDRESS,
    },
  };
}

/**
 * Anyone can read the demo key in this file, so it serves only the local dev server that `npm start`
 * runs on this machine, never a configured one.
 */
export const DEMO_PAYLOAD_KEY: PayloadKey = { id: 'demo', key: Buffer.from('amlhbmppYW4tZGVtby1wYXlsb2FkLWtleS0yMDI2ISE=', 'base64') };

function payloadKeys(configured: PayloadKey[] | undefined, address: string | undefined, production: boolean): PayloadKey[] {
  if (configured) return configured;
  if (address || production) {
    throw new ConfigError(`Invalid Temporal configuration: TEMPORAL_PAYLOAD_KEYS is required ${production ? 'in production mode' : 'with a configured Temporal server'} (the demo key serves only the local dev server in demo mode); e.g. TEMPORAL_PAYLOAD_KEYS=k1=$(openssl rand -base64 32)`);
  }
  return [DEMO_PAYLOAD_KEY];
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
