import { hash, verify } from '@node-rs/argon2';

// Argon2id (the package's algorithm) at OWASP's baseline: 19 MiB of memory, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

// Verifying against a fixed hash when the user is unknown keeps the timing the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$aUVdd8JkGpwZDlyC5gjXnQ$saWt/zm1PgJNDxbiu9JkSSJ+X63aR6fVrYV7hJ/1sdw';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password, a malformed hash, or no account (checked against a dummy hash). */
export function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  return verify(passwordHash ?? DUMMY_HASH, password).catch(() => false);
}
