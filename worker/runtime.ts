import { DefaultLogger, Runtime, type LogEntry, type LogLevel } from '@temporalio/worker';
import { CASE_WORKFLOW } from '../domain/messages';

/** Errors as their name and message, big integers as text: what JSON.stringify cannot write. */
const plain = (_key: string, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message}` : typeof v === 'bigint' ? String(v) : v);

/** One JSON line per SDK log entry; a case workflow's entries carry its case id. */
function jsonLine(entry: LogEntry): void {
  const meta = entry.meta ?? {};
  const caseId = meta.workflowType === CASE_WORKFLOW ? { caseId: meta.workflowId } : {};
  const time = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  process.stdout.write(`${JSON.stringify({ time, level: entry.level.toLowerCase(), component: 'worker', msg: entry.message, ...caseId, ...meta }, plain)}\n`);
}

/**
 * Installs the SDK runtime: JSON log lines, the SDK's Prometheus metrics at `metricsAddress` when
 * given, and no signal handlers of its own (the process's handlers stop the API and the workers in
 * order, and the SDK's would race them). Only the first call in a process takes effect.
 */
export function installRuntime(opts: { logLevel?: LogLevel; metricsAddress?: string } = {}): void {
  try {
    Runtime.install({
      shutdownSignals: [],
      logger: new DefaultLogger(opts.logLevel ?? 'INFO', jsonLine),
      ...(opts.metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: opts.metricsAddress } } } } : {}),
    });
  } catch {
    // Installed already: the runtime is a process-wide singleton.
  }
}
