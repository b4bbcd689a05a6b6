// Attachments in PostgreSQL as bytea chunks of CHUNK_BYTES, written and read one chunk at a time,
// so neither an upload nor a download holds a whole file in memory, and any API process serves any
// file. Backed up with the application's database: no second place to back up or keep consistent.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../db/client';
import { meter, type AttachmentStore } from './store';

const CHUNK_BYTES = 512 * 1024;

export function createPostgresStore(db: Db): AttachmentStore {
  const remove = async (_caseId: string, id: string) => { await db.attachmentChunk.deleteMany({ where: { attachmentId: id } }); };

  return {
    async save(caseId, id, body, maxBytes) {
      const m = meter(maxBytes);
      let seq = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        await db.attachmentChunk.create({ data: { attachmentId: id, caseId, seq: seq++, data: Buffer.concat(pending) } });
        pending = [];
        pendingBytes = 0;
      };
      try {
        await pipeline(body, m.stream, async (source: AsyncIterable<Buffer>) => {
          for await (const chunk of source) {
            pending.push(chunk);
            pendingBytes += chunk.length;
            if (pendingBytes >= CHUNK_BYTES) await flush();
          }
          await flush();
        });
      } catch (e) {
        await remove(caseId, id);
        throw e;
      }
      return m.result();
    },

    open(_caseId, id) {
      return Readable.from((async function* () {
        for (let seq = 0; ; seq++) {
          const row = await db.attachmentChunk.findUnique({ where: { attachmentId_seq: { attachmentId: id, seq } }, select: { data: true } });
          if (!row) return;
          yield Buffer.from(row.data);
        }
      })());
    },

    remove,
  };
}
