// A time-skipping Temporal test environment (the Java test server) with the real worker and its
// real activities on the test PostgreSQL.
import crypto from 'node:crypto';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker, WorkflowBundleOption } from '@temporalio/worker';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { inject } from 'vitest';
import { createDb, type Db } from '../../db/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  actionUpdates, CASE_WORKFLOW, caseViewQuery, registerUpdate, type CaseAck, type CaseView, type CaseWorkflowInput,
} from '../../domain/messages';
import { rolesForAny, type ActionName, type ActionInput } from '../../domain/actions';
import { DEFAULT_POLICY, type TimePolicy } from '../../domain/policy';
import { DEFAULT_NOTICE_POLICY } from '../../domain/notice';
import type { WorkCalendar } from '../../domain/calendar';
import { createMailer, type MailConfig, type Mailer } from '../../notifications/mailer';
import { loadTemporalConfig, type TemporalConfig } from '../../temporal.config';
import { dataConverter } from '../../temporal.connection';
import { bundleWorkflows, createWorker } from '../../worker/worker';
import { actor, registration, TEST_CALENDAR } from './fixtures';
import type { Registration } from '../../domain/registration';

let bundle: Promise<WorkflowBundleOption> | undefined;

export interface ClockTestKit {
  env: TestWorkflowEnvironment;
  db: Db;
  worker: Worker;
  mail: MailConfig;
  stop(): Promise<void>;
}

/**
 * The SDK allows the Java test server a fixed 5 s to start, which a JVM on a busy two-core machine
 * can miss; the SDK kills the late server, so starting again is safe.
 */
async function createTimeSkippingEnv(config: TemporalConfig, attempts = 8): Promise<TestWorkflowEnvironment> {
  for (let i = 1; ; i++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
        client: { dataConverter: dataConverter(config) },
      });
    } catch (e) {
      if (i >= attempts || !/did not start within/.test(String(e))) throw e;
    }
  }
}

/**
 * Mail goes to an outbox folder of the test run unless the test gives an SMTP server. Payloads are
 * encrypted as everywhere, except with `plaintext` (the saved replay histories, kept readable).
 */
export async function startTimeSkipping(mailOverrides: Partial<MailConfig> = {}, opts: { plaintext?: boolean } = {}): Promise<ClockTestKit> {
  const loaded = loadTemporalConfig({ TEMPORAL_TASK_QUEUE: `ts-${crypto.randomUUID()}` });
  const config = opts.plaintext ? { ...loaded, payloadKeys: [] } : loaded;
  const env = await createTimeSkippingEnv(config);
  const db = createDb(inject('databaseUrl'), 4);
  bundle ??= bundleWorkflows();
  const mail: MailConfig = {
    from: 'jianjian-test <noreply@jianjian.test>', outboxDir: path.join(inject('runDir'), `outbox-${crypto.randomUUID()}`),
    locale: 'zh', maxAttempts: 3, ...mailOverrides,
  };
  const mailer: Mailer = createMailer(mail);
  const worker = await createWorker({ connection: env.nativeConnection, config, db, mailer, mail, workflowBundle: await bundle });
  const running = worker.run();
  return {
    env, db, worker, mail,
    async stop() {
      worker.shutdown();
      await running;
      mailer.close();
      await env.teardown();
      await db.$disconnect();
    },
  };
}

export interface TestCase {
  handle: WorkflowHandleWithFirstExecutionRunId;
  caseId: string;
  act<A extends ActionName>(action: A, input: ActionInput<A>, role?: string): Promise<CaseView>;
  /** Sends a case Update (which answers only an acknowledgement) and answers the case as it then stands. */
  send<Arg>(update: string | UpdateDefinition<CaseAck, [Arg]>, arg: Arg): Promise<CaseView>;
  view(): Promise<CaseView>;
}

/** Starts a case workflow as the API would and waits until it is registered. */
export async function startCase(
  kit: ClockTestKit, overrides: Partial<Registration> = {}, policy: TimePolicy = DEFAULT_POLICY, calendar: WorkCalendar = TEST_CALENDAR,
  options: Pick<CaseWorkflowInput, 'historyLimit'> = {},
): Promise<TestCase> {
  const caseId = `c${crypto.randomBytes(16).toString('hex')}`;
  // Received an hour ago on the test server's clock, which earlier tests have moved forward.
  const receivedAt = new Date(await kit.env.currentTimeMs() - 3600_000).toISOString();
  const input: CaseWorkflowInput = {
    caseId, registration: registration({ receivedAt, ...overrides }), registeredBy: actor('desk'), fingerprint: 'fp', policy, calendar, notice: DEFAULT_NOTICE_POLICY, ...options,
  };
  const handle = await kit.env.client.workflow.start(CASE_WORKFLOW, { workflowId: caseId, taskQueue: kit.worker.options.taskQueue, args: [input] });
  await handle.executeUpdate(registerUpdate, { args: [{ fingerprint: 'fp' }] });
  const view = () => handle.query(caseViewQuery);
  const send: TestCase['send'] = async (update, arg) => {
    await handle.executeUpdate(update, { args: [arg] });
    return view();
  };
  return {
    handle, caseId, send, view,
    // By default, the first role the action table lets take the action.
    act: (action, input, role = rolesForAny(action)[0]!) => send(actionUpdates[action], { actor: actor(role), input }),
  };
}
