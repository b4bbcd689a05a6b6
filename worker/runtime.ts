import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/**
 * Installs the SDK runtime without its own signal handlers: the process's handlers stop the API and
 * the workers in order, and the SDK's would race them. Only the first call in a process takes effect.
 */
export function installRuntime(logLevel: LogLevel = 'INFO'): void {
  try {
    Runtime.install({ shutdownSignals: [], logger: new DefaultLogger(logLevel) });
  } catch {
    // Installed already: the runtime is a process-wide singleton.
  }
}
