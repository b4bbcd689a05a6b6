import { DefaultLogger, Runtime } from '@temporalio/worker';

// Workers log every state change at INFO; tests keep warnings and errors only.
try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed by an earlier test file in this process.
}
