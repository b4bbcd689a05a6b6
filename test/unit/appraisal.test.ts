// The village democratic appraisal's rules, alone.
import { describe, expect, it } from 'vitest';
import { appraisalProblems, MIN_PANEL, tally } from '../../domain/appraisal';
import { resolutionSchema } from '../../domain/notice-schemas';
import { appraisal } from '../support/notice-fixtures';

const messages = (shape: Parameters<typeof appraisal>[0]) => appraisalProblems(appraisal(shape)).map((p) => `${p.field}: ${p.message}`);

describe('democratic appraisal rules', () => {
  it('refuses a panel of 14, and takes one of 15', () => {
    expect(MIN_PANEL).toBe(15);
    expect(messages({ members: 14, present: 14, votesFor: 14 })).toEqual([
      'appraisal.members: the panel needs at least 15 members without a conflict of interest (has 14)',
    ]);
    expect(messages({ members: 15, present: 15, votesFor: 15 })).toEqual([]);
  });

  it('does not count recused members towards the panel', () => {
    expect(messages({ members: 14, present: 14, votesFor: 14, recused: 3 })).toEqual([
      'appraisal.members: the panel needs at least 15 members without a conflict of interest (has 14)',
    ]);
    const t = tally(appraisal({ members: 15, present: 10, votesFor: 7, recused: 2 }));
    expect(t).toEqual({ panel: 15, recused: 2, present: 10, votesFor: 7, votesAgainst: 3, abstentions: 0, passed: true });
  });

  it('needs two thirds of the panel present', () => {
    expect(messages({ members: 15, present: 9, votesFor: 9 })).toEqual([
      'appraisal.members: at least two thirds of the panel must attend: 9 of 15 present, 10 needed',
    ]);
    expect(messages({ members: 15, present: 10, votesFor: 10 })).toEqual([]);
    expect(messages({ members: 16, present: 10, votesFor: 10 })).toHaveLength(1);
    expect(messages({ members: 16, present: 11, votesFor: 10 })).toEqual([]);
  });

  it('passes the motion with two thirds of the votes of members present, and not with fewer', () => {
    expect(tally(appraisal({ members: 15, present: 12, votesFor: 8 })).passed).toBe(true);
    expect(tally(appraisal({ members: 15, present: 12, votesFor: 7 })).passed).toBe(false);
    expect(tally(appraisal({ members: 15, present: 10, votesFor: 7 })).passed).toBe(true);
    expect(tally(appraisal({ members: 15, present: 10, votesFor: 6 })).passed).toBe(false);
  });

  it('counts an abstention as not in favour', () => {
    const record = appraisal({ members: 15, present: 15, votesFor: 10 });
    expect(tally(record).passed).toBe(true);
    record.members[0]!.vote = 'abstain';
    expect(tally(record)).toMatchObject({ votesFor: 9, abstentions: 1, passed: false });
  });

  it('refuses votes from recused or absent members, and a present member without a vote', () => {
    const record = appraisal({ members: 15, present: 12, votesFor: 12, recused: 1 });
    record.members[15]!.vote = 'for';
    record.members[14]!.vote = 'against';
    delete record.members[0]!.vote;
    expect(appraisalProblems(record).map((p) => `${p.field}: ${p.message}`)).toEqual([
      'appraisal.members.0.vote: is required for a member present',
      'appraisal.members.14.vote: an absent member cannot vote',
      'appraisal.members.15.vote: a member with a conflict of interest is recused and may not vote',
    ]);
  });

  it('refuses a member listed twice', () => {
    const record = appraisal({ members: 16, present: 16, votesFor: 16 });
    record.members[15]!.name = record.members[0]!.name;
    expect(appraisalProblems(record)).toEqual([{ field: 'appraisal.members.15.name', message: '"村民代表1" is listed twice' }]);
  });

  it('decides through the resolution schema whether a revision is required', () => {
    const failed = appraisal({ members: 15, present: 12, votesFor: 7 });
    const missing = resolutionSchema.safeParse({ method: 'appraisal', appraisal: failed });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path.join('.'))).toEqual(['revised']);
    expect(resolutionSchema.safeParse({ method: 'appraisal', appraisal: failed, revised: { decision: 'deny' } }).success).toBe(true);
    const passed = appraisal({ members: 15, present: 12, votesFor: 8 });
    const extra = resolutionSchema.safeParse({ method: 'appraisal', appraisal: passed, revised: { decision: 'deny' } });
    expect(extra.error!.issues.map((i) => i.path.join('.'))).toEqual(['revised']);
    const small = resolutionSchema.safeParse({ method: 'appraisal', appraisal: appraisal({ members: 14, present: 14, votesFor: 14 }) });
    expect(small.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['appraisal.members', 'the panel needs at least 15 members without a conflict of interest (has 14)'],
    ]);
  });
});
