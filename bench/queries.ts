// Lists and the dashboard read the read model only. With the case table seeded to 100k and then 1M
// rows straight in SQL (copies of a real case spread over townships, kinds, stages, due dates and
// escalation levels), each endpoint is timed beside the same queries in raw SQL on the same database.
import pg from 'pg';
import type { BenchContext } from './context';
import { registrationFor } from './data';
import { measure, type Row } from './measure';
import { DEMO_TOWNSHIPS } from '../prisma/seed';
import { STAGES } from '../domain/stages';

const KINDS = ['consultation', 'help', 'complaint', 'accusation', 'proposal'];
/** The stages the county works in (a case under the next level's review waits elsewhere). */
const OPEN = STAGES.filter((s) => s !== 'closed' && s !== 'review');

/** Six in ten closed; the open ones due from 30 days ago to 30 days ahead, so about half are overdue. */
const OPEN_ROW = 'g % 10 >= 6';
const DUE = `now() + ((g % 61) - 30) * interval '1 day' + (g % 997) * interval '1 minute'`;
const whenOpen = (value: string) => `CASE WHEN ${OPEN_ROW} THEN ${value} ELSE NULL END`;

/** Column values of the seeded copies; every other column is copied from the template case. */
const OVERRIDES: Record<string, string> = {
  id: `'c' || md5('bench-seed-' || g)`,
  caseNo: `'BX' || lpad(g::text, 8, '0')`,
  townshipCode: `(ARRAY[${DEMO_TOWNSHIPS.map((t) => `'${t.code}'`).join(',')}])[1 + g % ${DEMO_TOWNSHIPS.length}]`,
  kind: `(ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}])[1 + g % ${KINDS.length}]`,
  stage: `CASE WHEN ${OPEN_ROW} THEN (ARRAY[${OPEN.map((s) => `'${s}'`).join(',')}])[1 + g % ${OPEN.length}] ELSE 'closed' END`,
  stageDueAt: whenOpen(DUE),
  // The clocks' mirror, as the workflow writes it: warning 3 days before the due time, supervision 5 after.
  dueAt: whenOpen(DUE),
  warnAt: whenOpen(`${DUE} - interval '3 days'`),
  escalation: whenOpen(`CASE WHEN ${DUE} < now() - interval '5 days' THEN 'supervision' WHEN ${DUE} < now() THEN 'urging'
    WHEN ${DUE} - interval '3 days' <= now() THEN 'warning' END`),
  receivedAt: `now() - (g % 730) * interval '1 day' - (g % 86399) * interval '1 second'`,
  closedAt: `CASE WHEN ${OPEN_ROW} THEN NULL ELSE now() - (g % 700) * interval '1 day' END`,
  subject: `'低保待遇核查 ' || g`,
  requestFingerprint: `'bench-seed'`,
};

async function seed(client: pg.Client, from: number, to: number): Promise<void> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'Case' AND table_schema = current_schema() ORDER BY ordinal_position`);
  const columns = rows.map((r) => r.column_name);
  const select = columns.map((c) => OVERRIDES[c] ?? `t."${c}"`).join(', ');
  await client.query(`INSERT INTO "Case" (${columns.map((c) => `"${c}"`).join(', ')})
    SELECT ${select} FROM (SELECT * FROM "Case" WHERE "requestFingerprint" <> 'bench-seed' LIMIT 1) t, generate_series(${from}, ${to}) g`);
  // As autovacuum leaves a table some time after a bulk insert: statistics, and a visibility map with
  // which counts can be answered from an index alone.
  await client.query('VACUUM ANALYZE "Case"');
}

/** What each endpoint asks PostgreSQL, written by hand: a list's page with its townships and its count; the dashboard's three grouped counts. */
const OPEN_CASES = `FROM "Case" WHERE stage <> 'closed'`;
const RAW: Record<'list' | 'overdue' | 'dashboard', string[]> = {
  list: [
    `SELECT c.*, t.name AS "townshipName" FROM "Case" c JOIN "Township" t ON t.code = c."townshipCode"
     ORDER BY c."receivedAt" DESC, c.id ASC LIMIT 20`,
    'SELECT count(*) FROM "Case"',
  ],
  overdue: [
    `SELECT c.*, t.name AS "townshipName" FROM "Case" c JOIN "Township" t ON t.code = c."townshipCode"
     WHERE c.stage <> 'closed' AND c."dueAt" < now() ORDER BY c."dueAt" ASC, c.id ASC LIMIT 20`,
    `SELECT count(*) ${OPEN_CASES} AND "dueAt" < now()`,
  ],
  dashboard: [
    'SELECT * FROM "Township"',
    ...[`"warnAt" <= now() AND "dueAt" >= now()`, `"dueAt" < now()`, `escalation = 'supervision'`]
      .map((w) => `SELECT "townshipCode", stage, count(*) ${OPEN_CASES} AND ${w} GROUP BY 1, 2`),
  ],
};

export async function queries(ctx: BenchContext, sizes: number[], n: number, concurrency: number): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: ctx.stack.databaseUrl, max: 2 * concurrency });
  // The owner seeds: only a table's owner may vacuum it.
  const seeder = new pg.Client({ connectionString: ctx.stack.databaseOwnerUrl });
  await seeder.connect();
  const desk = await ctx.http.login('desk');
  // The template the seeded copies are made from: one real case, registered through the API.
  await ctx.http.call('POST', '/api/cases', desk, registrationFor(0), { 'Idempotency-Key': 'queries-template' });
  const rows: Row[] = [];
  try {
    let seeded = 0;
    for (const size of sizes) {
      const started = Date.now();
      await seed(seeder, seeded + 1, size);
      ctx.log(`seeded ${size - seeded} cases in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      seeded = size;
      const total = (await pool.query<{ count: string }>('SELECT count(*) FROM "Case"')).rows[0]!.count;
      for (const [name, path, sql] of [
        ['case list, newest first', '/api/cases', RAW.list],
        ['overdue list, longest late first', '/api/cases?overdue=true', RAW.overdue],
        ['overdue dashboard by township and stage', '/api/dashboard', RAW.dashboard],
      ] as const) {
        const ours = await measure(n, concurrency, () => ctx.http.call('GET', path, desk));
        const baseline = await measure(n, concurrency, () => Promise.all(sql.map((q) => pool.query(q))));
        rows.push({ scenario: `${name}: GET ${path} at ${Number(total).toLocaleString('en')} cases`, ours, baseline, baselineName: 'the same queries in raw SQL' });
      }
    }
  } finally {
    await seeder.end();
    await pool.end();
  }
  return rows;
}
