import type { WorkflowBundleOption } from '@temporalio/worker';
import { createDb } from '../db/client';
import { createMailer, type MailConfig } from '../notifications/mailer';
import type { TemporalConfig } from '../temporal.config';
import { connectWorker } from '../temporal.connection';
import { installRuntime } from './runtime';
import { createWorker } from './worker';

export interface RunningWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/** Connects to PostgreSQL and Temporal and runs the case worker until shut down. */
export async function runWorker(opts: {
  databaseUrl: string; address: string; config: TemporalConfig; mail: MailConfig; workflowBundle?: WorkflowBundleOption;
}): Promise<RunningWorker> {
  installRuntime({ metricsAddress: opts.config.worker.metricsAddress });
  const db = createDb(opts.databaseUrl);
  const mailer = createMailer(opts.mail);
  const connection = await connectWorker(opts.config, opts.address);
  const worker = await createWorker({ connection, config: opts.config, db, mailer, mail: opts.mail, workflowBundle: opts.workflowBundle });
  const done = worker.run().finally(async () => {
    mailer.close();
    await connection.close();
    await db.$disconnect();
  });
  return {
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

