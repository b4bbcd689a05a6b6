// A worker process for the benchmarks: the case worker with its real activities, or the no-op
// baseline worker, with the same tuning. It answers memory probes over IPC so that its memory is
// measured apart from the process that drives the load.
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadTemporalConfig } from '../temporal.config';
import { connectWorker, dataConverter } from '../temporal.connection';
import { WORKER_READY } from '../stack/worker-process';
import { loadAppConfig } from '../config/app';
import { createDb } from '../db/client';
import { createMailer } from '../notifications/mailer';
import { createWorker } from '../worker/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
const config = loadTemporalConfig();
const address = config.address!;

async function start(): Promise<Worker> {
  const connection = await connectWorker(config, address);
  if (process.env.BENCH_WORKER === 'case') {
    const { mail } = loadAppConfig();
    return createWorker({ connection, config, db: createDb(process.env.DATABASE_URL!), mailer: createMailer(mail), mail });
  }
  return Worker.create({
    connection, namespace: config.namespace, taskQueue: config.taskQueue, dataConverter: dataConverter(config),
    workflowsPath: new URL('./noop.workflow.ts', import.meta.url).pathname,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: config.worker.maxConcurrentWorkflowTaskExecutions,
  });
}

const worker = await start();
const running = worker.run();
process.on('message', (m) => {
  if (m !== 'memory' && m !== 'cached') return;
  // Two collections, so that what remains is what the cached workflows hold; a bare count needs none.
  if (m === 'memory') { globalThis.gc?.(); globalThis.gc?.(); }
  const { rss, heapUsed } = process.memoryUsage();
  process.send!({ rss, heapUsed, cached: worker.getStatus().numCachedWorkflows });
});
for (const s of ['SIGINT', 'SIGTERM'] as const) {
  process.on(s, () => { if (worker.getState() === 'RUNNING') worker.shutdown(); void running.then(() => process.exit(0)); });
}
console.log(`${WORKER_READY} "${config.taskQueue}" (${process.env.BENCH_WORKER})`);
