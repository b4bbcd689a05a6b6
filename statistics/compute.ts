// Statistics over the read model, as SQL aggregates: one scan of the filtered cases for every count,
// one for the rates, one over the timeline for stage durations. The filter's date column and
// township are indexed (Case.receivedAt, Case.closedAt, Case.townshipCode); timeline events are
// reached through their (caseId, seq) index.
import { STAGE_MOVES } from '../domain/actions';
import { CATEGORIES, CHANNELS, KINDS, SATISFACTION, SOURCE_LEVELS, STAGES } from '../domain/case';
import {
  CATEGORY_LABELS, CHANNEL_LABELS, KIND_LABELS, OUTCOME_LABELS, SATISFACTION_LABELS, SOURCE_LEVEL_LABELS, STAGE_LABELS, labelOf,
} from '../domain/labels';
import type { Db } from '../db/client';
import { Prisma } from '../prisma/generated/client';
import { caseCondition, type StatisticsFilter } from './filter';

export interface Count {
  key: string | null;
  label: string;
  count: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator rounded to 4 places; null when nothing is counted. */
  rate: number | null;
}

export interface StageDays {
  stage: string;
  label: string;
  /** How many times a case left this stage (a case sent back is counted once per round). */
  spans: number;
  averageDays: number | null;
  p90Days: number | null;
}

export interface Statistics {
  filter: { from: string | null; to: string | null; basis: StatisticsFilter['basis']; township: string | null; village: string | null; kind: string | null };
  generatedAt: string;
  total: number;
  counts: {
    kind: Count[];
    channel: Count[];
    sourceLevel: Count[];
    source: Array<Count & { level: string | null }>;
    township: Array<Count & { code: string }>;
    /** Registered villages with cases, most first; key null: cases whose village is free text or none. */
    village: Array<Count & { code: string | null }>;
    category: Count[];
    stage: Count[];
    outcome: Count[];
    satisfaction: Count[];
  };
  rates: { onTimeClosure: Rate; reply: Rate; satisfaction: Rate };
  /** Open cases past their stage's due date now. */
  overdue: number;
  /** Open cases under supervision (督办) now: a clock of theirs has climbed to the ladder's top. */
  supervised: number;
  /** Petitions marked as concerning a public official or cadre, and the accusations among them (for 纪检监察). */
  cadres: { concerning: number; accusations: number };
  stageDays: StageDays[];
}

const OUTCOMES = Object.keys(OUTCOME_LABELS);

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
}

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

type GroupRow = { dim: string; key: string | null; body: string | null; n: number };

/** Every count in one scan: a grouping set per dimension, and the empty set for the total. */
function countQuery(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT CASE
        WHEN GROUPING(c."kind") = 0 THEN 'kind'
        WHEN GROUPING(c."channel") = 0 THEN 'channel'
        WHEN GROUPING(c."sourceLevel", c."sourceBody") = 0 THEN 'source'
        WHEN GROUPING(c."townshipCode") = 0 THEN 'township'
        WHEN GROUPING(c."category") = 0 THEN 'category'
        WHEN GROUPING(c."stage") = 0 THEN 'stage'
        WHEN GROUPING(c."outcome") = 0 THEN 'outcome'
        WHEN GROUPING(c."satisfaction") = 0 THEN 'satisfaction'
        WHEN GROUPING(c."villageCode") = 0 THEN 'village'
        ELSE 'total' END AS dim,
      COALESCE(c."kind", c."channel", c."sourceLevel", c."townshipCode", c."category", c."stage", c."outcome", c."satisfaction", c."villageCode") AS key,
      c."sourceBody" AS body,
      count(*)::int AS n
    FROM "Case" c
    WHERE ${where}
    GROUP BY GROUPING SETS ((c."kind"), (c."channel"), (c."sourceLevel", c."sourceBody"), (c."townshipCode"),
      (c."category"), (c."stage"), (c."outcome"), (c."satisfaction"), (c."villageCode"), ())`;
}

type RateRow = {
  on_time: number; due: number; replied: number; accepted: number; satisfied: number; rated: number; overdue: number; supervised: number;
  cadre: number; cadre_accusations: number;
};

/**
 * The rates, each defined by its FILTER clauses:
 * - 按期办结率 on-time closure: a case is settled (办结) by its decision when closed without acceptance
 *   (answered, not accepted, forwarded) and by its written reply when accepted. It is due by its
 *   acceptance deadline, or by the statutory reply deadline (with any approved extension) once accepted.
 *   numerator: cases settled no later than due; denominator: cases settled, plus cases not settled
 *   whose due date has passed (so a late open case lowers the rate before it is settled).
 * - 答复率 reply rate: numerator: accepted cases with a written reply; denominator: accepted cases.
 * - 满意率 satisfaction rate: numerator: follow-up responses "satisfied" or "basically satisfied";
 *   denominator: cases with a recorded follow-up response.
 * - overdue: cases not closed whose current stage's due date has passed.
 * - supervised: cases not closed whose escalation has reached supervision (督办).
 * - cadres: cases marked as concerning a public official or cadre, and the accusations among them.
 */
function rateQuery(where: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH s AS (
      SELECT
        CASE WHEN c."acceptedAt" IS NULL THEN c."closedAt" ELSE c."repliedAt" END AS settled_at,
        CASE WHEN c."acceptedAt" IS NULL THEN c."acceptanceDueAt" ELSE c."replyDueAt" END AS due_at,
        c."acceptedAt", c."repliedAt", c."satisfaction", c."stage", c."stageDueAt", c."escalation", c."concernsCadre", c."kind"
      FROM "Case" c WHERE ${where})
    SELECT
      count(*) FILTER (WHERE settled_at IS NOT NULL AND settled_at <= due_at)::int AS on_time,
      count(*) FILTER (WHERE settled_at IS NOT NULL OR due_at < ${now})::int AS due,
      count(*) FILTER (WHERE "acceptedAt" IS NOT NULL AND "repliedAt" IS NOT NULL)::int AS replied,
      count(*) FILTER (WHERE "acceptedAt" IS NOT NULL)::int AS accepted,
      count(*) FILTER (WHERE "satisfaction" IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
      count(*) FILTER (WHERE "satisfaction" IS NOT NULL)::int AS rated,
      count(*) FILTER (WHERE "stage" <> 'closed' AND "stageDueAt" < ${now})::int AS overdue,
      count(*) FILTER (WHERE "stage" <> 'closed' AND "escalation" = 'supervision')::int AS supervised,
      count(*) FILTER (WHERE "concernsCadre")::int AS cadre,
      count(*) FILTER (WHERE "concernsCadre" AND "kind" = 'accusation')::int AS cadre_accusations
    FROM s`;
}

type DaysRow = { stage: string; spans: number; avg: number | null; p90: number | null };

/**
 * Days spent in each stage, from the timeline: every action that moves a case ends a span of the
 * stage it moves it from (STAGE_MOVES), which began at the case's previous moving action, or at
 * receipt for the first. Only finished spans count. p90 is the interpolated 90th percentile.
 */
function daysQuery(where: Prisma.Sql): Prisma.Sql {
  const leaves = Prisma.join(STAGE_MOVES.map(({ action, from }) => Prisma.sql`(${action}, ${from})`));
  return Prisma.sql`
    WITH moves AS (
      SELECT t.stage, e."at", c."receivedAt",
        lag(e."at") OVER (PARTITION BY e."caseId" ORDER BY e."seq") AS entered_at
      FROM "CaseEvent" e
      JOIN (VALUES ${leaves}) AS t(action, stage) ON t.action = e."type"
      JOIN "Case" c ON c."id" = e."caseId"
      WHERE ${where}),
    spans AS (
      SELECT stage, GREATEST(0, EXTRACT(EPOCH FROM ("at" - COALESCE(entered_at, "receivedAt"))) / 86400) AS days FROM moves)
    SELECT stage, count(*)::int AS spans, avg(days)::float8 AS avg,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90
    FROM spans GROUP BY stage`;
}

/** All counts, rates and stage durations for the filter's cases, as of `now`. */
export async function computeStatistics(db: Db, filter: StatisticsFilter, now = new Date()): Promise<Statistics> {
  const where = caseCondition(filter);
  const [groups, [r], days, townships] = await Promise.all([
    db.$queryRaw<GroupRow[]>(countQuery(where)),
    db.$queryRaw<RateRow[]>(rateQuery(where, now)),
    db.$queryRaw<DaysRow[]>(daysQuery(where)),
    db.township.findMany({ orderBy: { code: 'asc' }, where: filter.township ? { code: filter.township } : {} }),
  ]);
  const by = (dim: string) => new Map(groups.filter((g) => g.dim === dim).map((g) => [g.key, g.n]));
  /** Every known value with its count (zero when absent), then any value the vocabulary lacks. */
  const counts = (dim: string, keys: readonly (string | null)[], labels: Record<string, string>, none?: string): Count[] => {
    const m = by(dim);
    const all = [...keys, ...[...m.keys()].filter((k) => !keys.includes(k))];
    return all.map((key) => ({ key, label: labelOf(labels, key, none), count: m.get(key) ?? 0 }));
  };
  const sources = groups.filter((g) => g.dim === 'source')
    .map((g) => ({ level: g.key, key: g.body, label: g.body ?? labelOf(SOURCE_LEVEL_LABELS, g.key), count: g.n }))
    .sort((a, b) => b.count - a.count || String(a.level).localeCompare(String(b.level)) || String(a.key).localeCompare(String(b.key)));
  const levelTotals = new Map<string | null, number>();
  for (const s of sources) levelTotals.set(s.level, (levelTotals.get(s.level) ?? 0) + s.count);
  const township = by('township');
  const village = by('village');
  const villageNames = new Map((await db.village.findMany({ where: { code: { in: [...village.keys()].filter((k) => k !== null) } } })).map((v) => [v.code, v.name]));
  const daysBy = new Map(days.map((d) => [d.stage, d]));

  return {
    filter: {
      from: filter.from?.toISOString() ?? null, to: filter.to?.toISOString() ?? null, basis: filter.basis,
      township: filter.township ?? null, village: filter.village ?? null, kind: filter.kind ?? null,
    },
    generatedAt: now.toISOString(),
    total: by('total').get(null) ?? 0,
    counts: {
      kind: counts('kind', KINDS, KIND_LABELS),
      channel: counts('channel', CHANNELS, CHANNEL_LABELS),
      sourceLevel: [...SOURCE_LEVELS, null].map((key) => ({ key, label: labelOf(SOURCE_LEVEL_LABELS, key), count: levelTotals.get(key) ?? 0 })),
      source: sources,
      township: townships.map((t) => ({ key: t.code, code: t.code, label: t.name, count: township.get(t.code) ?? 0 })),
      village: [...village].map(([key, count]) => ({ key, code: key, label: key === null ? '未登记村' : villageNames.get(key) ?? key, count }))
        .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key))),
      category: counts('category', CATEGORIES, CATEGORY_LABELS),
      stage: counts('stage', STAGES, STAGE_LABELS),
      outcome: counts('outcome', [...OUTCOMES, null], OUTCOME_LABELS, '办理中'),
      satisfaction: counts('satisfaction', [...SATISFACTION, null], SATISFACTION_LABELS, '未回访'),
    },
    rates: {
      onTimeClosure: rate(r!.on_time, r!.due),
      reply: rate(r!.replied, r!.accepted),
      satisfaction: rate(r!.satisfied, r!.rated),
    },
    overdue: r!.overdue,
    supervised: r!.supervised,
    cadres: { concerning: r!.cadre, accusations: r!.cadre_accusations },
    stageDays: STAGES.filter((s) => s !== 'closed').map((stage) => {
      const d = daysBy.get(stage);
      return { stage, label: STAGE_LABELS[stage], spans: d?.spans ?? 0, averageDays: round2(d?.avg ?? null), p90Days: round2(d?.p90 ?? null) };
    }),
  };
}
