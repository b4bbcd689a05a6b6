// Provisions and runs Temporal servers offline: the CLI's dev server (SQLite, Web UI) for `npm start`
// and end-to-end tests, and the Java time-skipping test server for clock tests. Both are built from
// package registries (the Go module proxy, Maven Central) once and cached outside the repository.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { privateDir, privateFiles } from '../config/private-files';
import type { TemporalConfig } from '../temporal.config';
import { connectLocalServer } from '../temporal.connection';
import { freePort } from './free-port';
import { startWebUiGuard } from './web-ui-guard';

type Log = (line: string) => void;

export function onPath(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Runs a build command, showing a line of progress every few seconds so a first build never looks hung. */
export async function runBuild(cmd: string, args: string[], env: NodeJS.ProcessEnv, what: string, log: Log): Promise<void> {
  const started = Date.now();
  let lines = 0;
  let last = '';
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const take = (b: Buffer) => {
    for (const l of b.toString().split('\n').filter(Boolean)) { lines += 1; last = l; }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const timer = setInterval(() => {
    log(`${what}: ${Math.round((Date.now() - started) / 1000)} s, ${lines} lines of output${last ? ` (last: ${last.slice(0, 100)})` : ''}`);
  }, 5000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('exit', resolve); });
    if (code !== 0) throw new Error(`${what} failed (exit ${code}); last output: ${last}`);
  } finally {
    clearInterval(timer);
  }
  log(`${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Finds the Temporal CLI: `TEMPORAL_CLI` → `temporal` on PATH → a cached build → a fresh
 * `go install` of the configured release when Go is present.
 */
export async function resolveTemporalCli(cfg: TemporalConfig, log: Log = console.log): Promise<string> {
  if (cfg.server.cli) return cfg.server.cli;
  const found = onPath('temporal');
  if (found) return found;
  const dir = path.join(cfg.server.cacheDir, `temporal-cli-${cfg.server.cliVersion}`);
  const bin = path.join(dir, 'temporal');
  if (fs.existsSync(bin)) return bin;
  if (!onPath('go')) {
    throw new Error('No Temporal server found: install Go (to build the Temporal CLI), put `temporal` on PATH, or set TEMPORAL_ADDRESS');
  }
  fs.mkdirSync(dir, { recursive: true });
  log(`Building the Temporal CLI ${cfg.server.cliVersion} with Go (first run only, a few minutes)…`);
  await runBuild('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${cfg.server.cliVersion}`], { GOBIN: dir }, 'temporal CLI build', log);
  return bin;
}

/**
 * Finds or builds a wrapper script that runs the Java time-skipping test server, resolving its
 * class path through Maven. `TEMPORAL_TEST_SERVER` overrides it.
 */
export async function resolveTestServer(cfg: TemporalConfig, log: Log = console.log): Promise<string> {
  if (cfg.server.testServer) return cfg.server.testServer;
  const dir = path.join(cfg.server.cacheDir, `temporal-test-server-${cfg.server.testServerVersion}`);
  const wrapper = path.join(dir, 'temporal-test-server');
  if (fs.existsSync(wrapper)) return wrapper;
  if (!onPath('mvn') || !onPath('java')) throw new Error('The time-skipping test server needs Java and Maven (or set TEMPORAL_TEST_SERVER)');
  fs.mkdirSync(dir, { recursive: true });
  const cpFile = path.join(dir, 'classpath.txt');
  log(`Resolving the Temporal test server ${cfg.server.testServerVersion} from Maven (first run only)…`);
  await runBuild('mvn', [
    '-q', '-B', '-f', path.resolve(import.meta.dirname, 'test-server/pom.xml'),
    `-DtestServerVersion=${cfg.server.testServerVersion}`,
    'dependency:build-classpath', `-Dmdep.outputFile=${cpFile}`,
  ], {}, 'test server resolution', log);
  const script = `#!/bin/sh\nexec java -cp "$(cat '${cpFile}')" io.temporal.testserver.TestServer "$@"\n`;
  fs.writeFileSync(`${wrapper}.tmp`, script, { mode: 0o755 });
  fs.renameSync(`${wrapper}.tmp`, wrapper);
  return wrapper;
}

function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`Temporal server exited with code ${child.exitCode}`));
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(); });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`Temporal server did not open port ${port} in ${timeoutMs} ms`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

export interface RunningTemporal {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cli: string;
  /** SQLite file; cases and timers survive a restart on the same file. */
  dbFile: string;
  port: number;
  uiPort: number;
  /** The API's codec endpoint, which the Web UI reads payloads through. */
  codecEndpoint?: string;
  namespace: string;
  log?: Log;
}

/**
 * Starts `temporal server start-dev` on a persistent SQLite file, with its Web UI behind a guard
 * that turns its write actions off (stack/web-ui-guard.ts).
 */
export async function startDevServer(o: DevServerOptions): Promise<RunningTemporal> {
  // The folder is private before the server writes anything in it; its files are made 0600 once they exist.
  privateDir(path.dirname(o.dbFile));
  const innerUiPort = await freePort();
  const args = [
    'server', 'start-dev', '--db-filename', o.dbFile, '--ip', '127.0.0.1',
    '--port', String(o.port), '--ui-port', String(innerUiPort), '--namespace', o.namespace,
    '--log-level', 'error', '--log-format', 'pretty',
    // WAL with normal sync: the dev server's SQLite is several times faster and stays crash-safe.
    '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal',
  ];
  // Its own process group: Ctrl-C reaches only jianjian, which stops the worker before the server.
  const child = spawn(o.cli, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  child.stderr?.on('data', (b: Buffer) => o.log?.(`[temporal] ${b.toString().trimEnd()}`));
  await waitForPort(o.port, child, 60_000);
  await waitForNamespace(`127.0.0.1:${o.port}`, o.namespace, child, 60_000);
  privateFiles(o.dbFile, `${o.dbFile}-wal`, `${o.dbFile}-shm`);
  const ui = await startWebUiGuard({ host: '127.0.0.1', port: o.uiPort, upstreamPort: innerUiPort, codecEndpoint: o.codecEndpoint ?? '' })
    .catch(async (e: unknown) => { await stopChild(child); throw e; });
  return {
    address: `127.0.0.1:${o.port}`,
    uiUrl: ui.url,
    stop: async () => { await ui.close(); await stopChild(child); },
  };
}

/** The port opens before the frontend serves; a busy machine shows the gap, so wait for the namespace. */
async function waitForNamespace(address: string, namespace: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const connection = await connectLocalServer(address, timeoutMs);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Temporal server exited with code ${child.exitCode}`);
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`Temporal server did not serve namespace "${namespace}" in ${timeoutMs} ms: ${e}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await connection.close();
  }
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}
