import type { Db } from '../db/client';
import type { Actor, CaseView } from '../domain/messages';
import type { Registration } from '../domain/registration';
import { caseRow } from '../domain/case-row';
import { eventRow } from './record-event';
import { finalCasesOfPetitioner } from './repeat-petition';

export interface RegisterCaseInput {
  caseId: string;
  registration: Registration;
  registeredBy: Actor;
  fingerprint: string;
  at: string;
  view: CaseView;
}

/** `XF2026-000123`: the year of receipt and a sequence within it. */
export function formatCaseNo(year: number, seq: number): string {
  return `XF${year}-${String(seq).padStart(6, '0')}`;
}

export interface RegisteredCase {
  caseNo: string;
  repeatOf?: { caseId: string; caseNo: string };
}

export function createRegisterCase(db: Db) {
  const registered = (c: { caseNo: string; repeatOf: { id: string; caseNo: string } | null }): RegisteredCase =>
    ({ caseNo: c.caseNo, ...(c.repeatOf ? { repeatOf: { caseId: c.repeatOf.id, caseNo: c.repeatOf.caseNo } } : {}) });
  const select = { caseNo: true, repeatOf: { select: { id: true, caseNo: true } } } as const;

  /**
   * Writes the case row and its first timeline event, numbering the case; a retry returns the same
   * number. Answers the same petitioner's final case it flagged (不再受理), for the desk to confirm.
   */
  return async function registerCase(input: RegisterCaseInput): Promise<RegisteredCase> {
    const { caseId, registration: r } = input;
    const existing = await db.case.findUnique({ where: { id: caseId }, select });
    if (existing) return registered(existing);
    // China Standard Time decides which year a petition was received in.
    const year = new Date(new Date(r.receivedAt).getTime() + 8 * 3600_000).getUTCFullYear();
    return db.$transaction(async (tx) => {
      const again = await tx.case.findUnique({ where: { id: caseId }, select });
      if (again) return registered(again);
      const counter = await tx.caseNumberCounter.upsert({
        where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } },
      });
      const caseNo = formatCaseNo(year, counter.last);
      // The desk confirms whether the flagged case is the same matter before it decides on acceptance.
      const [repeatOf] = await finalCasesOfPetitioner(tx, r);
      await tx.case.create({
        data: {
          id: caseId,
          caseNo,
          channel: r.channel,
          kind: r.kind,
          sourceLevel: r.source?.level,
          sourceBody: r.source?.body,
          sourceReference: r.source?.reference,
          village: r.village,
          villageCode: r.villageCode,
          category: r.category,
          subject: r.subject,
          facts: r.facts,
          request: r.request,
          anonymous: r.anonymous,
          petitionerName: r.petitioner?.name,
          petitionerPhone: r.petitioner?.phone,
          petitionerIdNumber: r.petitioner?.idNumber,
          petitionerAddress: r.petitioner?.address,
          petitionerEmail: r.petitioner?.email,
          urgent: r.urgent ?? false,
          concernsCadre: r.concernsCadre ?? false,
          receivedAt: new Date(r.receivedAt),
          registeredById: input.registeredBy.id,
          requestFingerprint: input.fingerprint,
          ...caseRow(input.view),
          repeatOfCaseId: repeatOf?.id,
          lastEventSeq: 1,
        },
      });
      await tx.caseEvent.create({
        data: eventRow({ caseId, seq: 1, type: 'registered', actor: input.registeredBy, at: input.at, data: { caseNo, channel: r.channel, kind: r.kind, ...(repeatOf ? { repeatOf: repeatOf.caseNo } : {}) } }),
      });
      return registered({ caseNo, repeatOf: repeatOf ?? null });
    });
  };
}
