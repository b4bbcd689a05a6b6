import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/client';
import { ATTACHMENT_TYPES } from '../../domain/attachments';
import { identityWithheld } from '../../domain/personal-data';
import { ROLES, isTownshipScoped } from '../../domain/roles';
import type { Attachment, Case } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import type { CaseService } from '../cases/service';
import { ApiError } from '../http/errors';
import { TooLarge, type AttachmentStore } from './store';

export interface AttachmentServiceDeps {
  db: Db;
  store: AttachmentStore;
  maxBytes: number;
  cases: Pick<CaseService, 'loadVisible' | 'recordIdentityView'>;
}

export interface Upload {
  name: string;
  /** The request's Content-Type header, parameters and all. */
  contentType: string | undefined;
  /** The declared Content-Length, when there is one. */
  length: number | undefined;
  body: Readable;
}

const present = (a: Attachment) => ({
  id: a.id, caseId: a.caseId, fileName: a.fileName, contentType: a.contentType, size: a.size,
  stage: a.stage, uploadedBy: a.uploadedByName, uploadedAt: a.createdAt.toISOString(),
});

const TOWNSHIP_ROLES = ROLES.filter(isTownshipScoped);

/** Accusation material may name the accuser: township users see only the files township users added. */
const visibleWhere = (c: Pick<Case, 'kind'>, user: AuthUser) =>
  (identityWithheld(c.kind, user.role) ? { uploadedByRole: { in: TOWNSHIP_ROLES } } : {});

export function createAttachmentService({ db, store, maxBytes, cases }: AttachmentServiceDeps) {
  const tooLarge = () => {
    const message = `the file is larger than the limit of ${Math.floor(maxBytes / 1024 / 1024)} MB`;
    return new ApiError(413, 'payload_too_large', message, [{ field: '(body)', message }]);
  };

  /** Checks the declared type and the name before a byte is stored. */
  function typeOf(upload: Upload) {
    const contentType = (upload.contentType ?? '').split(';')[0]!.trim().toLowerCase();
    const type = ATTACHMENT_TYPES[contentType];
    if (!type) {
      throw ApiError.badRequest([{ field: 'Content-Type', message: `must be one of: ${Object.keys(ATTACHMENT_TYPES).join(', ')}` }]);
    }
    if (!type.extensions.some((e) => upload.name.toLowerCase().endsWith(e))) {
      throw ApiError.badRequest([{ field: 'query.name', message: `must end with ${type.extensions.join(' or ')} for ${contentType}` }]);
    }
    if (upload.length !== undefined && upload.length > maxBytes) throw tooLarge();
    return { contentType, type };
  }

  return {
    async list(caseId: string, user: AuthUser) {
      const c = await cases.loadVisible(caseId, user);
      const rows = await db.attachment.findMany({ where: { caseId, ...visibleWhere(c, user) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return { items: rows.map(present), limits: { maxBytes, contentTypes: Object.keys(ATTACHMENT_TYPES) } };
    },

    async upload(caseId: string, upload: Upload, user: AuthUser) {
      const c = await cases.loadVisible(caseId, user);
      if (c.stage === 'closed') throw ApiError.conflict('case_closed', 'the case is closed and takes no more attachments');
      const { contentType, type } = typeOf(upload);
      const id = crypto.randomUUID();
      const stored = await store.save(caseId, id, upload.body, maxBytes).catch((e: unknown) => {
        throw e instanceof TooLarge ? tooLarge() : e;
      });
      const refuse = async (message: string, field: string) => {
        await store.remove(caseId, id);
        return ApiError.badRequest([{ field, message }]);
      };
      if (stored.size === 0) throw await refuse('the file is empty', '(body)');
      if (type.magic && !type.magic.every((b, i) => stored.head[i] === b)) {
        throw await refuse(`the file's content is not ${contentType}`, 'Content-Type');
      }
      const row = await db.attachment.create({
        data: {
          id, caseId, fileName: upload.name, contentType, size: stored.size, sha256: stored.sha256, stage: c.stage,
          uploadedById: user.id, uploadedByName: user.displayName, uploadedByRole: user.role,
        },
      }).catch(async (e: unknown) => { await store.remove(caseId, id); throw e; });
      return present(row);
    },

    async download(caseId: string, attachmentId: string, user: AuthUser) {
      const c = await cases.loadVisible(caseId, user);
      const row = await db.attachment.findFirst({ where: { id: attachmentId, caseId, ...visibleWhere(c, user) } });
      if (!row) throw ApiError.notFound('attachment');
      // An accusation's material may name the accuser: each county download is an identity view.
      await cases.recordIdentityView(c, user, { attachment: row.id });
      // A written notice the system issued keeps its bytes with its document record.
      const issued = await db.caseDocument.findUnique({ where: { id: row.id }, select: { content: true } });
      if (issued) return { data: Buffer.from(issued.content), contentType: row.contentType, name: row.fileName };
      return { stream: store.open(caseId, row.id), size: row.size, contentType: row.contentType, name: row.fileName };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
