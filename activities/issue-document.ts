import crypto from 'node:crypto';
import type { Db } from '../db/client';
import { dateKey } from '../domain/calendar';
import type { Channel, Kind } from '../domain/case';
import type { Actor } from '../domain/messages';
import { formatDocNo, issuerOf, type IssuerConfig } from '../documents/issuer';
import { renderOfficialDocument } from '../documents/layout';
import { DOCUMENT_TITLES, noticeContent, toPetitioner, type DocumentRequest, type NoticeRequest } from '../documents/notices';

export interface IssueDocumentInput {
  caseId: string;
  /** Names the step that issues the notice (e.g. `<caseId>:acceptance:3`): one notice per key. */
  key: string;
  /** The step's time: the notice's date (成文日期) and the year its number is counted in. */
  at: string;
  actor: Actor;
  request: DocumentRequest;
}

export interface IssuedDocument {
  id: string;
  docNo: string;
}

/**
 * Issues a written notice: numbers it from the year's sequence, renders it as a PDF in the
 * official-document layout and keeps it with the case's files. Idempotent by key: a retry answers
 * the notice already issued, and a race between two attempts leaves one (the unique key refuses the
 * other, whose number goes back with its transaction). A notice to an anonymous petitioner answers null.
 */
export function createIssueDocument(db: Db, issuerConfig: IssuerConfig) {
  /** A receiving body named by the letter as the master data has it when the letter is issued. */
  async function resolved(r: DocumentRequest): Promise<NoticeRequest> {
    if (r.kind !== 'transfer' && r.kind !== 'assignment') return r;
    const { bodyId, ...rest } = r;
    const body = await db.body.findUniqueOrThrow({ where: { id: bodyId }, select: { name: true, contactName: true } });
    return { ...rest, body };
  }

  return async function issueDocument(input: IssueDocumentInput): Promise<IssuedDocument | null> {
    const issuedBefore = () => db.caseDocument.findUnique({ where: { key: input.key }, select: { id: true, docNo: true } });
    const done = await issuedBefore();
    if (done) return done;
    const c = await db.case.findUniqueOrThrow({ where: { id: input.caseId } });
    if (toPetitioner(input.request.kind) && (c.anonymous || !c.petitionerName)) return null;
    const content = noticeContent({
      caseNo: c.caseNo, kind: c.kind as Kind, channel: c.channel as Channel, receivedAt: c.receivedAt.toISOString(), subject: c.subject,
      request: c.request, anonymous: c.anonymous, petitionerName: c.petitionerName, petitionerPhone: c.petitionerPhone,
    }, await resolved(input.request));
    const issuer = await issuerOf(db, issuerConfig);
    const date = dateKey(Date.parse(input.at));
    const year = Number(date.slice(0, 4));
    const id = crypto.randomUUID();
    return db.$transaction(async (tx) => {
      const counter = await tx.documentNumberCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
      const docNo = formatDocNo(issuer.code, year, counter.last);
      const pdf = await renderOfficialDocument({ ...content, issuer: issuer.authority, docNo, date, note: `经办人：${input.actor.name}` });
      const fileName = `${DOCUMENT_TITLES[input.request.kind]}（${docNo}）.pdf`;
      await tx.caseDocument.create({
        data: { id, key: input.key, caseId: c.id, kind: input.request.kind, year, seq: counter.last, docNo, content: new Uint8Array(pdf), issuedAt: new Date(input.at) },
      });
      // Listed and downloaded with the case's other files; its bytes stay in the document row.
      await tx.attachment.create({
        data: {
          id, caseId: c.id, fileName, contentType: 'application/pdf', size: pdf.length, sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
          stage: c.stage, uploadedById: input.actor.id, uploadedByName: input.actor.name, uploadedByRole: input.actor.role,
        },
      });
      return { id, docNo };
    }).catch(async (e: unknown) => {
      // The other attempt won the race: its notice is the one.
      if ((e as { code?: string }).code === 'P2002') return (await issuedBefore()) ?? Promise.reject(e);
      throw e;
    });
  };
}
