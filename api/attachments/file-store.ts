// Attachments in a local folder, one file per attachment under its case's folder: only for a
// single API process, as another process cannot read this machine's disk.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { privateDir } from '../../config/private-files';
import { meter, type AttachmentStore } from './store';

export function createFileStore(dir: string): AttachmentStore {
  const pathOf = (caseId: string, id: string) => path.join(dir, caseId, id);

  return {
    /** The bytes land under a temporary name and are renamed into place only when complete. */
    async save(caseId: string, id: string, body: Readable, maxBytes: number) {
      const final = pathOf(caseId, id);
      const temp = `${final}.part`;
      privateDir(dir);
      privateDir(path.dirname(final));
      const m = meter(maxBytes);
      try {
        await pipeline(body, m.stream, fs.createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
        await fs.promises.rename(temp, final);
      } catch (e) {
        await fs.promises.rm(temp, { force: true });
        throw e;
      }
      return m.result();
    },

    open: (caseId, id) => fs.createReadStream(pathOf(caseId, id)),

    async remove(caseId, id) {
      await fs.promises.rm(pathOf(caseId, id), { force: true });
    },
  };
}
