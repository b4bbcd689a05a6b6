// Structured logs: one JSON object a line on stdout, for a log collector to index. Fields name the
// request (requestId) and the case (caseId) so that one case's path through the APIs and workers
// can be followed; never personal data (names, phone numbers, free text).
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(minimum: LogLevel, component: string, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Logger {
  const at = LOG_LEVELS.indexOf(minimum);
  const entry = (level: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LOG_LEVELS.indexOf(level) < at) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, component, msg, ...fields }));
  };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}
