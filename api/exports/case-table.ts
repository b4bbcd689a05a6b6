// A case list as a table with Chinese headers, holding back what the caller may not see.
import {
  CATEGORY_LABELS, CHANNEL_LABELS, KIND_LABELS, OUTCOME_LABELS, SATISFACTION_LABELS, SOURCE_LEVEL_LABELS, STAGE_LABELS, labelOf,
} from '../../domain/labels';
import { dueText } from '../../domain/day-count';
import { forRecipient, identityOf, maskIdNumber } from '../../domain/personal-data';
import type { Case, Township } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import { isOverdue } from '../cases/present';
import type { Cell, Column, Table } from './table';

type CaseRow = Case & { township: Township };

const COLUMNS: Column[] = [
  { header: '案件编号', width: 16 }, { header: '收件时间', width: 17 }, { header: '信访类型' }, { header: '来源渠道' },
  { header: '来源层级' }, { header: '交办机关', width: 18 }, { header: '交办文号', width: 18 }, { header: '所属乡镇' },
  { header: '村（社区）' }, { header: '救助类别' }, { header: '事由', width: 30 }, { header: '诉求', width: 30 },
  { header: '信访人' }, { header: '身份证号', width: 20 },
  { header: '办理阶段' }, { header: '本阶段期限', width: 17 }, { header: '法定答复期限', width: 17 }, { header: '是否超期' },
  { header: '受理时间', width: 17 }, { header: '答复时间', width: 17 }, { header: '办结时间', width: 17 }, { header: '办理结果' },
  { header: '满意度' },
];

/**
 * An export is a list, and shows what a list shows: the petitioner's name and a masked ID number,
 * never an accuser's identity (that shows only in the case itself, where each view is audited).
 */
function petitioner(row: CaseRow): Cell[] {
  if (row.kind === 'accusation') return ['（依规保密）', null];
  if (row.anonymous) return ['（匿名）', null];
  return [row.petitionerName, maskIdNumber(row.petitionerIdNumber)];
}

/** A due time as the law states it (24:00 of the last day), marked while its year's calendar is unpublished. */
const due = (d: Date | null, provisional: boolean): Cell => (d ? `${dueText(d.getTime())}${provisional ? '（暂定）' : ''}` : null);

export function caseTable(rows: CaseRow[], user: AuthUser, now: Date): Table {
  return {
    title: '信访案件清单',
    columns: COLUMNS,
    // A township reader's copy also blanks an accuser named in free text (subject, request).
    rows: rows.map((r) => forRecipient<Cell[]>([
      r.caseNo, r.receivedAt, labelOf(KIND_LABELS, r.kind), labelOf(CHANNEL_LABELS, r.channel),
      r.sourceLevel ? labelOf(SOURCE_LEVEL_LABELS, r.sourceLevel) : null, r.sourceBody, r.sourceReference, r.township.name,
      r.village, labelOf(CATEGORY_LABELS, r.category), r.subject, r.request,
      ...petitioner(r),
      labelOf(STAGE_LABELS, r.stage), due(r.stageDueAt, r.dueProvisional), due(r.replyDueAt, r.dueProvisional), isOverdue(r, now) ? '是' : '否',
      r.acceptedAt, r.repliedAt, r.closedAt, r.outcome ? labelOf(OUTCOME_LABELS, r.outcome) : null,
      r.satisfaction ? labelOf(SATISFACTION_LABELS, r.satisfaction) : null,
    ], { kind: r.kind, identity: identityOf(r) }, user.role)),
  };
}
