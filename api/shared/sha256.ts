import crypto from 'node:crypto';

/** The SHA-256 of a text as lowercase hex: stored token and key hashes, case ids and request fingerprints. */
export const sha256 = (s: string): string => crypto.createHash('sha256').update(s).digest('hex');
