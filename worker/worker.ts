import path from 'node:path';
import { NativeConnection, Worker, bundleWorkflowCode, type WorkflowBundleOption } from '@temporalio/worker';
import { APP_ROOT, BUILD_DIR, BUILT } from '../config/paths';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalConfig } from '../temporal.config';
import { dataConverter } from '../temporal.connection';

export const WORKFLOWS_PATH = path.join(APP_ROOT, 'workflows', 'index.ts');
/** The workflow bundle `npm run build` writes, which the built worker loads instead of bundling. */
export const WORKFLOW_BUNDLE = path.join(BUILD_DIR, 'workflows.js');

/** Bundles the workflow code once, for processes that start several workers (tests, benchmarks). */
export async function bundleWorkflows(): Promise<WorkflowBundleOption> {
  if (BUILT) return { codePath: WORKFLOW_BUNDLE };
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

export const quietBundlerLogger = {
  log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined,
  warn: (m: string) => console.warn(m), error: (m: string) => console.error(m),
};

export interface WorkerOptions extends ActivityDeps {
  connection: NativeConnection;
  config: TemporalConfig;
  workflowBundle?: WorkflowBundleOption;
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
