import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundle } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalConfig } from '../temporal.config';
import { dataConverter } from '../temporal.connection';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Bundles the workflow code once, for processes that start several workers (tests, benchmarks). */
export function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (m: string) => console.warn(m), error: (m: string) => console.error(m),
};

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  config: TemporalConfig;
  workflowBundle?: WorkflowBundle;
}

/** The case worker: every workflow and activity on the configured task queue. */
export async function createWorker({ connection, config, workflowBundle, ...deps }: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.namespace,
    dataConverter: dataConverter(config),
    taskQueue: config.taskQueue,
    workflowBundle: workflowBundle ?? await bundleWorkflows(),
    activities: createActivities(deps),
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    maxConcurrentActivityTaskExecutions: config.worker.maxConcurrentActivityTaskExecutions,
    maxConcurrentWorkflowTaskExecutions: config.worker.maxConcurrentWorkflowTaskExecutions,
  });
}
