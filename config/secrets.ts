// The application's secrets: one master secret from configuration, from which each use derives its own
// key (HKDF), so one value is set and rotated. The demo default is published in this file, so it is
// refused in production mode.
import crypto from 'node:crypto';
import { ConfigError } from './parse-env';

export type Mode = 'demo' | 'production';

const DEMO_SECRET_KEY = 'jianjian-demo-secret-key-never-use-in-production';

export interface AppSecrets {
  /** Whether the published demo secret is in use. */
  isDemo: boolean;
  /** AES-256-GCM key of the query codes kept with each case. */
  queryCodeKey: Buffer;
  /** HMAC key of the device cookies that exempt a user's own browser from lockouts others cause. */
  deviceKey: Buffer;
}

const derive = (secret: string, purpose: string) =>
  Buffer.from(crypto.hkdfSync('sha256', secret, 'jianjian', purpose, 32));

/** The keys for `mode`: the demo secret stands in for a missing one only outside production mode. */
export function appSecrets(mode: Mode, secretKey: string | undefined): AppSecrets {
  if (mode === 'production' && (secretKey === undefined || secretKey === DEMO_SECRET_KEY)) {
    throw new ConfigError('Invalid configuration:\n  SECRET_KEY: production mode needs a secret of its own (at least 32 random characters)');
  }
  const secret = secretKey ?? DEMO_SECRET_KEY;
  return { isDemo: secret === DEMO_SECRET_KEY, queryCodeKey: derive(secret, 'query-code'), deviceKey: derive(secret, 'device-cookie') };
}
