// The attachment store: where an attachment's bytes live. Metadata lives in the Attachment table;
// a store only writes, reads and removes bytes. PostgreSQL by default, so that every API process
// behind the proxy serves every file; a local folder for a single machine that prefers files.
import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import type { Db } from '../../db/client';
import { createFileStore } from './file-store';
import { createPostgresStore } from './postgres-store';

export interface StoredFile {
  size: number;
  sha256: string;
  /** The first bytes, to check the content against its declared type. */
  head: Buffer;
}

export interface AttachmentStore {
  /** Streams a body into the store, stopping with TooLarge past `maxBytes`; a failed save leaves nothing behind. */
  save(caseId: string, id: string, body: Readable, maxBytes: number): Promise<StoredFile>;
  /** The stored bytes as a stream. */
  open(caseId: string, id: string): Readable;
  remove(caseId: string, id: string): Promise<void>;
}

export class TooLarge extends Error {}

const HEAD_BYTES = 16;

/** A pass-through that counts, hashes and keeps the head of what flows through it. */
export function meter(maxBytes: number) {
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new TooLarge());
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  return { stream, result: (): StoredFile => ({ size, sha256: hash.digest('hex'), head }) };
}

export type AttachmentStoreConfig = { kind: 'postgres' } | { kind: 'files'; dir: string };

export function createAttachmentStore(config: AttachmentStoreConfig, db: Db): AttachmentStore {
  return config.kind === 'files' ? createFileStore(config.dir) : createPostgresStore(db);
}
