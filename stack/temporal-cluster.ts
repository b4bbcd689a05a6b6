// A real Temporal server (the same release the CLI's dev server embeds) on PostgreSQL, as production
// runs it: built once with `go install` and cached beside the CLI, its schema made by the server's own
// SQL tool, and any number of nodes on one database, each with its own gRPC and membership ports.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { connectLocalServer } from '../temporal.connection';
import { onPath, runBuild } from './temporal';

type Log = (line: string) => void;

/** The server release that Temporal CLI 1.5.1's dev server embeds. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';

export interface TemporalServerBinaries {
  server: string;
  sql: string;
  /** The server module's PostgreSQL schema folder (postgresql/v12), copied beside the binaries. */
  schemaDir: string;
}

/** The cached server and SQL tool, built with Go on first use (a few minutes on 2 cores). */
export async function resolveTemporalServer(cacheDir: string, log: Log = console.log): Promise<TemporalServerBinaries> {
  const dir = path.join(cacheDir, `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const bins = { server: path.join(dir, 'server'), sql: path.join(dir, 'sql'), schemaDir: path.join(dir, 'schema') };
  if (fs.existsSync(bins.server) && fs.existsSync(bins.sql) && fs.existsSync(bins.schemaDir)) return bins;
  if (!onPath('go')) throw new Error(`No Temporal server build in ${dir}, and no Go to build one`);
  const mod = `go.temporal.io/server@v${TEMPORAL_SERVER_VERSION}`;
  if (!fs.existsSync(bins.server) || !fs.existsSync(bins.sql)) {
    fs.mkdirSync(dir, { recursive: true });
    log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} with Go (first run only, a few minutes)…`);
    await runBuild('go', ['install', `go.temporal.io/server/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `go.temporal.io/server/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`],
      { GOBIN: dir, GOFLAGS: '-mod=mod' }, 'temporal server build', log);
  }
  const info = spawnSync('go', ['mod', 'download', '-json', mod], { encoding: 'utf8' });
  if (info.status !== 0) throw new Error(`go mod download ${mod} failed: ${info.stderr}`);
  const moduleDir = (JSON.parse(info.stdout) as { Dir: string }).Dir;
  fs.cpSync(path.join(moduleDir, 'schema/postgresql/v12'), bins.schemaDir, { recursive: true });
  return bins;
}

export interface PostgresTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Creates and migrates Temporal's two databases with the server's SQL tool (idempotent). */
export async function setupTemporalSchema(bins: TemporalServerBinaries, pg: PostgresTarget, log: Log = console.log): Promise<void> {
  for (const [db, folder] of [['temporal', 'temporal'], ['temporal_visibility', 'visibility']] as const) {
    const base = ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--pw', pg.password, '--db', db];
    const steps = [['create-database'], ['setup-schema', '-v', '0.0'], ['update-schema', '-d', path.join(bins.schemaDir, folder, 'versioned')]];
    for (const step of steps) {
      const r = spawnSync(bins.sql, [...base, ...step], { encoding: 'utf8' });
      // create-database on an existing database fails harmlessly; setup-schema at 0.0 is a no-op on a migrated one.
      if (r.status !== 0 && step[0] === 'update-schema') throw new Error(`temporal sql ${step[0]} on ${db} failed: ${r.stderr || r.stdout}`);
    }
    log(`Temporal schema: ${db} up to date`);
  }
}

/** Dynamic configuration: the settings of the module's development-sql.yaml that the application needs. */
const DYNAMIC_CONFIG = `limit.maxIDLength:
  - value: 255
frontend.enableExecuteMultiOperation:
  - value: true
`;

export interface TemporalNode {
  name: string;
  /** The frontend's gRPC address. */
  address: string;
  child: ChildProcess;
  /** Resolves once its frontend answers; fails if the process exits first. */
  serving(timeoutMs?: number): Promise<void>;
  /** Starts the node again on the same ports (after a kill). */
  restart(): Promise<void>;
  kill(): void;
  stop(): Promise<void>;
}

const SERVICES = ['frontend', 'history', 'matching', 'worker'] as const;

/** A free port below 32768: the membership table keeps ports in a smallint. */
async function freeLowPort(): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 22_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

function nodeConfig(pg: PostgresTarget, ports: Record<string, number>, publicAddress: string): string {
  const store = (db: string, conns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: "${db}"
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: "tcp"
        user: "${pg.user}"
        password: "${pg.password}"
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: "1h"`;
  const service = (s: string) => `  ${s}:
    rpc:
      grpcPort: ${ports[`${s}Grpc`]}
      membershipPort: ${ports[`${s}Membership`]}
      bindOnLocalHost: true${s === 'frontend' ? `\n      httpPort: ${ports.frontendHttp}` : ''}`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:
${store('temporal', 20)}
    postgres-visibility:
${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"
  pprof:
    port: ${ports.pprof}
  metrics:
    prometheus:
      framework: "tally"
      timerType: "histogram"
      listenAddress: "127.0.0.1:${ports.metrics}"
services:
${SERVICES.map(service).join('\n')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "${publicAddress}"
dcRedirectionPolicy:
  policy: "noop"
dynamicConfigClient:
  filepath: "config/dynamicconfig/cluster.yaml"
  pollInterval: "10s"
`;
}

/**
 * Starts one node running every service. Nodes on the same database find each other through its
 * membership table; start the first alone until it serves (it writes the cluster's metadata). `publicAddress` is how the cluster is reached from outside (a proxy or balancer).
 */
export async function startTemporalNode(o: {
  bins: TemporalServerBinaries; pg: PostgresTarget; dir: string; name: string; publicAddress: string; log?: Log;
}): Promise<TemporalNode> {
  const ports: Record<string, number> = {};
  for (const k of [...SERVICES.flatMap((s) => [`${s}Grpc`, `${s}Membership`]), 'frontendHttp', 'pprof', 'metrics']) ports[k] = await freeLowPort();
  fs.mkdirSync(path.join(o.dir, 'config/dynamicconfig'), { recursive: true });
  fs.writeFileSync(path.join(o.dir, `config/${o.name}.yaml`), nodeConfig(o.pg, ports, o.publicAddress));
  fs.writeFileSync(path.join(o.dir, 'config/dynamicconfig/cluster.yaml'), DYNAMIC_CONFIG);
  const logFile = path.join(o.dir, `${o.name}.log`);
  const node: TemporalNode = {
    name: o.name,
    address: `127.0.0.1:${ports.frontendGrpc}`,
    child: undefined as unknown as ChildProcess,
    async restart() {
      const out = fs.openSync(logFile, 'a');
      node.child = spawn(o.bins.server, ['--root', o.dir, '--config', 'config', '--env', o.name, '--allow-no-auth', 'start'], {
        cwd: o.dir, stdio: ['ignore', out, out],
      });
      fs.closeSync(out);
    },
    async serving(timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (node.child.exitCode !== null) throw new Error(`Temporal ${o.name} exited (${node.child.exitCode}); log: ${logFile}`);
        try {
          const c = await connectLocalServer(node.address, 5_000);
          try { await c.workflowService.getSystemInfo({}); return; } finally { await c.close(); }
        } catch (e) {
          if (Date.now() > deadline) throw new Error(`Temporal ${o.name} did not serve in ${timeoutMs} ms: ${e}`);
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
    kill() { node.child.kill('SIGKILL'); },
    stop() {
      const c = node.child;
      if (c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => { c.once('exit', () => resolve()); c.kill('SIGTERM'); setTimeout(() => c.kill('SIGKILL'), 15_000).unref(); });
    },
  };
  await node.restart();
  return node;
}
