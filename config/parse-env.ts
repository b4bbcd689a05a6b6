import type { z } from 'zod';

/** A configuration the process cannot start with: its message says what to change, and no stack trace is needed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates environment variables against a schema, naming every bad variable at once. */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, what: string): z.infer<S> {
  // An empty variable (`DATABASE_URL=`) means unset, as in most shells' usage.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid ${what}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
