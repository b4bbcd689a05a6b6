// `npm run test:cluster`: the application beyond one machine. Two Temporal server nodes on one
// PostgreSQL (schema by the server's SQL tool) behind a TCP proxy, two workers and two API processes.
// It drives intakes and transitions through both APIs alternately, SIGKILLs one worker, one API and
// one Temporal node mid-run and starts them again, then checks that nothing was lost or doubled.
// `--cases N` for a shorter run (default 1,000 cases, three transitions each).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { msToTs } from '@temporalio/common/lib/time';
import { caseRow } from '../../domain/case-row';
import { caseViewQuery } from '../../domain/messages';
import { WEEKLY_REPORT_WORKFLOW } from '../../domain/report-messages';
import { createDb } from '../../db/client';
import { DEMO_PASSWORD, DEMO_USERS } from '../../prisma/seed';
import { runSetup } from '../../setup/run';
import { freePort } from '../../stack/free-port';
import { startEmbeddedPostgres } from '../../stack/postgres';
import { startTcpProxy } from '../../stack/tcp-proxy';
import { resolveTemporalServer, setupTemporalSchema, startTemporalNode, type TemporalNode } from '../../stack/temporal-cluster';
import { loadTemporalConfig } from '../../temporal.config';
import { connectClient, connectLocalServer } from '../../temporal.connection';
import { inputs, registration, TOWNSHIP_A } from '../support/fixtures';
import { appProcess, type AppProcess } from './processes';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, lanes: { type: 'string', default: '16' } } });
const CASES = Number(args.cases);
const LANES = Number(args.lanes);
const TRANSITIONS = [['accept', 'investigation'], ['submit-investigation', 'recheck'], ['approve', 'reply']] as const;
const RATE_LIMIT = 10;
const started = Date.now();
const log = (line: string) => console.log(`[cluster ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianjian-cluster-'));
fs.chmodSync(runDir, 0o755);
const failures: string[] = [];
const check = (ok: boolean, what: string) => { log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) failures.push(what); };

const cleanups: Array<() => Promise<unknown>> = [];
async function main() {
  // One PostgreSQL for Temporal's two databases and the application's.
  // Two Temporal nodes' connection pools, two APIs' and two workers' outgrow PostgreSQL's default 100 slots.
  const pg = await startEmbeddedPostgres(path.join(runDir, 'pg'), await freePort(), { maxConnections: 500 });
  cleanups.push(() => pg.stop());
  // Temporal's schema tool and servers use the superuser here; production gives Temporal a role of its own.
  const pgUrl = new URL(pg.adminUrl);
  const target = { host: pgUrl.hostname, port: Number(pgUrl.port), user: decodeURIComponent(pgUrl.username), password: decodeURIComponent(pgUrl.password) };
  const base = loadTemporalConfig({});
  const bins = await resolveTemporalServer(base.server.cacheDir, log);
  await setupTemporalSchema(bins, target, log);

  const nodes: TemporalNode[] = [];
  const proxy = await startTcpProxy(() => nodes.map((n) => n.address));
  cleanups.push(() => proxy.close());
  for (const name of ['node-a', 'node-b']) {
    const node = await startTemporalNode({ bins, pg: target, dir: path.join(runDir, name), name, publicAddress: proxy.address });
    cleanups.push(() => node.stop());
    await node.serving();
    nodes.push(node);
  }
  await registerNamespace(proxy.address, nodes);
  log(`Temporal cluster: ${nodes.map((n) => n.address).join(' and ')} behind ${proxy.address}`);

  // The weekly report fires once during the run, at a minute two or three from now (UTC).
  const fireAt = new Date(Math.ceil((Date.now() + 150_000) / 60_000) * 60_000);
  const env = {
    DATABASE_URL: pg.url, TEMPORAL_ADDRESS: proxy.address, TEMPORAL_TASK_QUEUE: 'jianjian-cluster',
    TEMPORAL_PAYLOAD_KEYS: `cluster=${crypto.randomBytes(32).toString('base64')}`,
    WEEKLY_REPORT_CRON: `${fireAt.getUTCMinutes()} ${fireAt.getUTCHours()} * * *`, WEEKLY_REPORT_TIMEZONE: 'UTC',
    PUBLIC_RATE_LIMIT: String(RATE_LIMIT), DATA_DIR: path.join(runDir, 'data'), LOG_LEVEL: 'warn',
  };
  const temporal = loadTemporalConfig(env);
  await runSetup({ databaseUrl: pg.url, databaseOwnerUrl: pg.ownerUrl, address: proxy.address, temporal, demo: true });

  const apiPorts = [await freePort(), await freePort()];
  const apis = apiPorts.map((port, i) => appProcess(`api-${i}`, 'api/main.ts', 'API listening on', { ...env, PORT: String(port) }, runDir));
  const metricsPorts = [await freePort(), await freePort()];
  const workers = [0, 1].map((i) => appProcess(`worker-${i}`, 'worker/main.ts', 'worker polling task queue', { ...env, WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPorts[i]}` }, runDir));
  for (const p of [...workers, ...apis]) cleanups.push(() => p.stop());
  await Promise.all([...workers, ...apis].map((p) => p.start()));
  const urls = apiPorts.map((port) => `http://127.0.0.1:${port}`);
  log(`two workers and two APIs (${urls.join(', ')}); the weekly report is due at ${fireAt.toISOString()}`);

  const load = await driveLoad(urls, { worker: workers[0]!, api: apis[0]!, node: nodes[0]! });
  log(`load done: ${load.intakes} intakes and ${load.transitions} transitions answered, ${load.retries} client retries (${load.replayed} retried requests answered as already done), ${load.conflictsFirstTry} first requests answered 409 with the transition already made, ${load.unanswered} unanswered, in ${load.seconds} s`);
  check(load.unanswered === 0 && load.intakes === CASES && load.transitions === CASES * TRANSITIONS.length, `every request answered (${load.intakes + load.transitions} of ${CASES * (1 + TRANSITIONS.length)})`);

  const db = createDb(pg.url, 4);
  const client = await connectClient(temporal, proxy.address);
  cleanups.push(() => client.close(), () => db.$disconnect());
  await checkReadModel(db);
  await checkWorkflowsMatchRows(db, client.client);
  await checkWeeklyReport(db, client.client, temporal.weeklyReport.scheduleId);
  await checkSharedRateLimit(urls);
  await checkMetrics(urls, metricsPorts);
}

/** Both workers serve the SDK's Prometheus metrics, and both APIs their request metrics. */
async function checkMetrics(urls: string[], workerPorts: number[]) {
  const scrape = async (url: string) => (await fetch(url)).text();
  const worker = await Promise.all(workerPorts.map((p) => scrape(`http://127.0.0.1:${p}/metrics`)));
  const api = await Promise.all(urls.map((u) => scrape(`${u}/metrics`)));
  check(worker.every((t) => /^temporal_workflow_task_\w+/m.test(t) && /^temporal_activity_\w+/m.test(t))
    && api.every((t) => /^jianjian_http_requests_total\{method="POST",route="\/api\/cases\/:id\/actions\/:action",status="200"\} \d+/m.test(t)),
  'both workers serve the SDK\'s Prometheus metrics and both APIs their request metrics');
}

/** A plain connection for the namespace's registration, before the application's configuration exists. */
const connectLocal = async (address: string) => {
  const connection = await connectLocalServer(address, 10_000);
  return { connection, close: () => connection.close() };
};

/** Registers the namespace through the proxy and waits until both nodes serve it. */
async function registerNamespace(address: string, nodes: TemporalNode[]) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const { connection, close } = await connectLocal(address);
      try {
        await connection.workflowService.registerNamespace({ namespace: 'default', workflowExecutionRetentionPeriod: msToTs('3 days') })
          .catch((e: Error) => { if (!/already exists|AlreadyExists/i.test(e.message)) throw e; });
      } finally { await close(); }
      for (const n of nodes) {
        const c = await connectLocal(n.address);
        try { await c.connection.workflowService.describeNamespace({ namespace: 'default' }); } finally { await c.close(); }
      }
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`the Temporal cluster did not serve its namespace in 180 s: ${e}`);
      await sleep(1000);
    }
  }
}

interface Victims { worker: AppProcess; api: AppProcess; node: TemporalNode }

async function driveLoad(urls: string[], victims: Victims) {
  const stats = { intakes: 0, transitions: 0, retries: 0, replayed: 0, conflictsFirstTry: 0, unanswered: 0, seconds: 0 };
  const t0 = Date.now();
  let sent = 0;
  const tokens = new Map<string, string>();
  for (const u of ['desk', 'reviewer', DEMO_USERS.find((x) => x.townshipCode === TOWNSHIP_A)!.username]) {
    const r = await fetch(`${urls[0]}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: DEMO_PASSWORD }) });
    tokens.set(u, ((await r.json()) as { token: string }).token);
  }
  const officer = DEMO_USERS.find((x) => x.townshipCode === TOWNSHIP_A)!.username;
  const actor: Record<string, string> = { accept: 'desk', 'submit-investigation': officer, approve: 'reviewer' };

  /** One request, alternating APIs; a refused connection or a 5xx is retried (on the other API) and counted. */
  async function call(method: string, p: string, token: string, body: unknown, headers: Record<string, string> = {}) {
    const first = sent++;
    for (let attempt = 0; attempt < 40; attempt++) {
      if (attempt > 0) { stats.retries++; await sleep(Math.min(250 * attempt, 2000)); }
      try {
        const res = await fetch(`${urls[(first + attempt) % urls.length]}${p}`, {
          method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
          body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000),
        });
        const json = await res.json().catch(() => null) as any;
        if (res.status < 500) return { status: res.status, body: json, retried: attempt > 0 };
      } catch { /* connection refused or reset: the process is down; retry */ }
    }
    return undefined;
  }

  /** Whether the case's row reaches the stage; the read model follows the workflow by an activity, so it may lag a little. */
  const reaches = async (caseId: string, stage: string) => {
    for (let i = 0; i < 60; i++) {
      if ((await call('GET', `/api/cases/${caseId}`, tokens.get('desk')!, undefined))?.body?.stage === stage) return true;
      await sleep(1000);
    }
    return false;
  };

  let killed = false;
  const chaos = async () => {
    killed = true;
    log(`mid-run (${stats.intakes + stats.transitions} requests answered): SIGKILL ${victims.worker.name}, ${victims.api.name} and Temporal ${victims.node.name}`);
    await Promise.all([victims.worker.kill(), victims.api.kill()]);
    victims.node.kill();
    await sleep(5000);
    await victims.node.restart();
    await Promise.all([victims.worker.start(), victims.api.start()]);
    log('the killed worker, API and Temporal node are running again');
  };
  let chaosDone: Promise<void> | undefined;

  let next = 0;
  const lane = async () => {
    while (next < CASES) {
      const i = next++;
      const key = `cluster-${i}-${crypto.randomUUID()}`;
      const reg = await call('POST', '/api/cases', tokens.get('desk')!, registration({ subject: `集群测试 ${i}` }), { 'Idempotency-Key': key });
      if (reg?.status !== 201) { stats.unanswered++; log(`intake ${i}: ${reg ? `${reg.status} ${JSON.stringify(reg.body)}` : 'no answer'}`); continue; }
      stats.intakes++;
      for (const [action, stage] of TRANSITIONS) {
        const r = await call('POST', `/api/cases/${reg.body.id}/actions/${action}`, tokens.get(actor[action]!)!, inputs[action]);
        // An action already applied answers 409 (a retry after the API answered 504 past its Update
        // deadline, or lost its answer); the case's stage tells. The read-model check proves it was applied once.
        const done = r?.status === 200 || (r?.status === 409 && await reaches(reg.body.id, stage));
        if (done) { stats.transitions++; if (r!.status === 409) stats[r!.retried ? 'replayed' : 'conflictsFirstTry']++; } else { stats.unanswered++; log(`${action} ${reg.body.id}: ${r ? `${r.status} ${JSON.stringify(r.body)}` : 'no answer'}`); break; }
      }
      if (!killed && stats.intakes + stats.transitions >= CASES * 1.6) chaosDone = chaos();
    }
  };
  const progress = setInterval(() => log(`${stats.intakes} intakes, ${stats.transitions} transitions, ${stats.retries} retries`), 30_000);
  await Promise.all(Array.from({ length: LANES }, lane));
  clearInterval(progress);
  await chaosDone;
  stats.seconds = Math.round((Date.now() - t0) / 1000);
  return stats;
}

async function checkReadModel(db: ReturnType<typeof createDb>) {
  const [c] = await db.$queryRaw<{ cases: bigint; numbers: bigint }[]>`SELECT count(*) AS cases, count(DISTINCT "caseNo") AS numbers FROM "Case"`;
  check(Number(c!.cases) === CASES && Number(c!.numbers) === CASES, `exactly ${CASES} cases with ${CASES} distinct numbers (${c!.cases} cases, ${c!.numbers} numbers)`);
  const types = TRANSITIONS.map(([a]) => a);
  const perCase = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "CaseEvent" WHERE "type" = ANY(${types}) GROUP BY "caseId", "type"`;
  const once = perCase.filter((r) => Number(r.n) === 1).length;
  check(once === CASES * types.length && perCase.length === once, `every transition once in the read model (${once} of ${CASES * types.length} once, ${perCase.length - once} more than once)`);
}

/** Each case workflow's state, queried through the proxy, against its row. */
async function checkWorkflowsMatchRows(db: ReturnType<typeof createDb>, client: Awaited<ReturnType<typeof connectClient>>['client']) {
  const rows = await db.case.findMany();
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v).toISOString() : v ?? null);
  const mismatches: string[] = [];
  let i = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (i < rows.length) {
      const row = rows[i++]!;
      const view = await client.workflow.getHandle(row.id).query(caseViewQuery);
      for (const [k, v] of Object.entries(caseRow(view))) {
        if (norm(v) !== norm((row as Record<string, unknown>)[k])) mismatches.push(`${row.caseNo} ${k}: workflow ${String(v)}, row ${String((row as Record<string, unknown>)[k])}`);
      }
    }
  }));
  check(mismatches.length === 0, `every workflow's state equals its row (${rows.length} compared${mismatches.length ? `; ${mismatches.slice(0, 5).join('; ')}` : ''})`);
}

async function checkWeeklyReport(db: ReturnType<typeof createDb>, client: Awaited<ReturnType<typeof connectClient>>['client'], scheduleId: string) {
  const deadline = Date.now() + 300_000;
  while (await db.weeklyReport.count() === 0 && Date.now() < deadline) await sleep(2000);
  const schedule = await client.schedule.getHandle(scheduleId).describe();
  const runs = await client.workflow.count(`WorkflowType = '${WEEKLY_REPORT_WORKFLOW}'`);
  const reports = await db.weeklyReport.findMany();
  check(schedule.info.recentActions.length === 1 && runs.count === 1 && reports.length === 1 && reports[0]!.trigger === 'schedule',
    `the weekly report ran once (${schedule.info.recentActions.length} scheduled action, ${runs.count} workflow run, ${reports.length} report)`);
}

/** RATE_LIMIT public calls alternating between the APIs use up one address's allowance on both. */
async function checkSharedRateLimit(urls: string[]) {
  // The count is per clock minute: start early in one, so the calls do not straddle two.
  if (new Date().getSeconds() > 45) await sleep((61 - new Date().getSeconds()) * 1000);
  const statuses: number[] = [];
  for (let i = 0; i < RATE_LIMIT + 2; i++) statuses.push((await fetch(`${urls[i % 2]}/public/notices`)).status);
  const allowed = statuses.filter((s) => s === 200).length;
  check(allowed === RATE_LIMIT && statuses.slice(RATE_LIMIT).every((s) => s === 429),
    `the public rate limit is shared by both APIs (${allowed} of ${RATE_LIMIT + 2} alternating calls allowed, then ${statuses.slice(RATE_LIMIT).join(', ')})`);
}

// Interrupted, the servers and processes it started are stopped too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (async () => { for (const c of cleanups.reverse()) await c().catch(() => undefined); process.exit(130); })());
}
try {
  await main();
} catch (e) {
  failures.push(String(e));
  log(`FAIL ${(e as Error).stack ?? e}`);
} finally {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
}
log(failures.length ? `cluster test failed (${failures.length}); logs in ${runDir}` : `cluster test passed in ${Math.round((Date.now() - started) / 1000)} s`);
if (!failures.length) fs.rmSync(runDir, { recursive: true, force: true });
process.exit(failures.length ? 1 : 0);
