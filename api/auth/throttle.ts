// Login throttling: failures are counted per username and per client address within a window; at the
// limit the key is locked for a while. Unknown usernames are counted like known ones.
import type { Db } from '../../db/client';

export interface ThrottleLimits {
  /** Consecutive failures for one username before it is locked. */
  maxFailures: number;
  /** Failures from one address, across usernames, before it is locked (password spraying). */
  maxFailuresPerIp: number;
  /** How long failures are remembered, and how long a lock lasts. */
  lockMinutes: number;
}

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export function createLoginThrottle(db: Db, limits: ThrottleLimits) {
  const windowMs = limits.lockMinutes * 60_000;

  async function fail(key: string, max: number, now: Date): Promise<void> {
    const row = await db.loginThrottle.upsert({
      where: { key }, create: { key, failures: 1, windowStart: now }, update: { failures: { increment: 1 } },
    });
    if (row.windowStart.getTime() < now.getTime() - windowMs) {
      // Failures older than the window are forgotten: this one starts a new count.
      await db.loginThrottle.update({ where: { key }, data: { failures: 1, windowStart: now } });
    } else if (row.failures >= max) {
      await db.loginThrottle.update({ where: { key }, data: { failures: 0, windowStart: now, lockedUntil: new Date(now.getTime() + windowMs) } });
    }
  }

  return {
    /** When the username or the address is locked now, until when (the later of the two). */
    async lockedUntil(username: string, ip: string): Promise<{ until: Date; by: 'user' | 'ip' } | null> {
      const now = new Date();
      const rows = await db.loginThrottle.findMany({ where: { key: { in: [userKey(username), ipKey(ip)] }, lockedUntil: { gt: now } } });
      const ipLock = rows.find((r) => r.key === ipKey(ip));
      const lock = ipLock ?? rows[0];
      return lock?.lockedUntil ? { until: lock.lockedUntil, by: lock === ipLock ? 'ip' : 'user' } : null;
    },

    async failed(username: string, ip: string): Promise<void> {
      const now = new Date();
      await fail(userKey(username), limits.maxFailures, now);
      await fail(ipKey(ip), limits.maxFailuresPerIp, now);
    },

    /** A successful login, or an admin's unlock, starts the username's count afresh. */
    async clear(username: string): Promise<void> {
      await db.loginThrottle.deleteMany({ where: { key: userKey(username) } });
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
