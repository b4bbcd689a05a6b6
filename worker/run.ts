import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createDb } from '../db/client';
import { createMailer, type MailConfig } from '../notifications/mailer';
import type { TemporalConfig } from '../temporal.config';
import { installRuntime } from './runtime';
import { ensureWeeklyReportSchedule } from './weekly-report-schedule';
import { createWorker } from './worker';

export interface RunningWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  shutdown(): Promise<void>;
}

/** Connects to PostgreSQL and Temporal and runs the case worker until shut down. */
export async function runWorker(opts: {
  databaseUrl: string; address: string; config: TemporalConfig; mail: MailConfig; workflowBundle?: WorkflowBundle;
}): Promise<RunningWorker> {
  installRuntime();
  const db = createDb(opts.databaseUrl);
  const mailer = createMailer(opts.mail);
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await createWorker({ connection, config: opts.config, db, mailer, mail: opts.mail, workflowBundle: opts.workflowBundle });
  await ensureSchedules(opts.address, opts.config);
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

/** The worker's Schedules, brought up to the configuration at every start (idempotent). */
async function ensureSchedules(address: string, config: TemporalConfig): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await ensureWeeklyReportSchedule(new Client({ connection, namespace: config.namespace }), config);
  } finally {
    await connection.close();
  }
}
