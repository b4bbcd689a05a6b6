// Login throttling. Every attempt is counted before its password is checked, in one SQL statement per
// key, so parallel attempts cannot all slip under the limit; a correct password then takes its count back.
// Keys: the username and the client's address; a device that carries the user's device cookie is
// counted alone instead (see device-cookie.ts), so others' failures never lock a user out of it.
// Unknown usernames are counted like known ones.
import type { Db } from '../../db/client';
import { Prisma } from '../../prisma/generated/client';

export interface ThrottleLimits {
  /** Failures for one username (or one trusted device) before it is locked. */
  maxFailures: number;
  /** Failures from one address, across usernames, before it is locked (password spraying). */
  maxFailuresPerIp: number;
  /** How long failures are remembered, and how long a lock lasts. */
  lockMinutes: number;
}

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const deviceKey = (device: string) => `device:${device}`;

export interface Refusal { until: Date; by: 'user' | 'ip' }

/** Who an attempt is counted against: the username and the address, or the user's own device. */
export interface Attempt { username: string; ip: string; device?: string }

export function createLoginThrottle(db: Db, limits: ThrottleLimits) {
  const windowMs = limits.lockMinutes * 60_000;

  /**
   * Counts one attempt against `key` and answers the lock it is under, if the count is past `max`.
   * The count that reaches `max` sets the lock; a lock that has ended, or a quiet window, starts afresh.
   */
  async function count(key: string, max: number): Promise<Date | null> {
    const now = new Date();
    const until = new Date(now.getTime() + windowMs);
    const since = new Date(now.getTime() - windowMs);
    // Whether the stored count has lapsed: its lock ended, or no lock and its window is over.
    const fresh = Prisma.sql`(CASE WHEN t."lockedUntil" IS NOT NULL THEN t."lockedUntil" <= ${now} ELSE t."windowStart" < ${since} END)`;
    const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE t."failures" + 1 END)`;
    const [row] = await db.$queryRaw<Array<{ failures: number; lockedUntil: Date | null }>>`
      INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
      VALUES (${key}, 1, ${now}, ${max <= 1 ? until : null})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = ${next},
        "windowStart" = CASE WHEN ${fresh} OR ${next} = ${max} THEN ${now} ELSE t."windowStart" END,
        "lockedUntil" = CASE WHEN ${next} = ${max} THEN ${until} WHEN ${fresh} THEN NULL ELSE t."lockedUntil" END
      RETURNING "failures", "lockedUntil"`;
    return row && row.failures > max ? row.lockedUntil : null;
  }

  return {
    /** Counts the attempt; the lock it meets (the address's first), or null when its password may be checked. */
    async attempt({ username, ip, device }: Attempt): Promise<Refusal | null> {
      if (device) {
        const until = await count(deviceKey(device), limits.maxFailures);
        return until ? { until, by: 'user' } : null;
      }
      const ipUntil = await count(ipKey(ip), limits.maxFailuresPerIp);
      const userUntil = await count(userKey(username), limits.maxFailures);
      if (ipUntil) return { until: ipUntil, by: 'ip' };
      return userUntil ? { until: userUntil, by: 'user' } : null;
    },

    /** The password was right: the username's (or device's) count starts afresh and the address gets its attempt back. */
    async succeeded({ username, ip, device }: Attempt): Promise<void> {
      if (device) {
        await db.loginThrottle.deleteMany({ where: { key: deviceKey(device) } });
        return;
      }
      await db.loginThrottle.deleteMany({ where: { key: userKey(username) } });
      await db.$executeRaw`UPDATE "LoginThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${ipKey(ip)}`;
    },

    /** An admin's unlock, or a new password, starts the username's count afresh. */
    async clear(username: string): Promise<void> {
      await db.loginThrottle.deleteMany({ where: { key: userKey(username) } });
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
