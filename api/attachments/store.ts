// The attachment store: bytes in a local folder, one file per attachment under its case's folder.
// Metadata lives in the database; this module only reads and writes bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StoredFile {
  size: number;
  sha256: string;
  /** The first bytes, to check the content against its declared type. */
  head: Buffer;
}

export class TooLarge extends Error {}

const HEAD_BYTES = 16;

export function createAttachmentStore(dir: string) {
  const pathOf = (caseId: string, id: string) => path.join(dir, caseId, id);

  return {
    pathOf,

    /**
     * Streams a body to disk, stopping at `maxBytes`. The bytes land under a temporary name and are
     * renamed into place only when complete, so a broken upload never leaves a half file behind.
     */
    async save(caseId: string, id: string, body: Readable, maxBytes: number): Promise<StoredFile> {
      const final = pathOf(caseId, id);
      const temp = `${final}.part`;
      await fs.promises.mkdir(path.dirname(final), { recursive: true });
      const hash = crypto.createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new TooLarge());
          if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, fs.createWriteStream(temp, { flags: 'wx' }));
        await fs.promises.rename(temp, final);
      } catch (e) {
        await fs.promises.rm(temp, { force: true });
        throw e;
      }
      return { size, sha256: hash.digest('hex'), head };
    },

    async remove(caseId: string, id: string): Promise<void> {
      await fs.promises.rm(pathOf(caseId, id), { force: true });
    },
  };
}

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
