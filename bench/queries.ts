// Lists read the read model only. With the case table seeded to 100k and then 1M rows straight in
// SQL (copies of a real case spread over townships, kinds, stages and dates), each list endpoint
// is timed beside the same query in raw SQL on the same database.
import pg from 'pg';
import type { BenchContext } from './context';
import { measure, type Row } from './measure';
import { DEMO_TOWNSHIPS } from '../prisma/seed';

const KINDS = ['consultation', 'help', 'complaint', 'accusation', 'proposal'];
const OPEN = ['registered', 'investigation', 'recheck', 'reply', 'follow_up'];

/** Column values of the seeded copies; every other column is copied from the template case. */
const OVERRIDES: Record<string, string> = {
  id: `'c' || md5('bench-seed-' || g)`,
  caseNo: `'BX' || lpad(g::text, 8, '0')`,
  townshipCode: `(ARRAY[${DEMO_TOWNSHIPS.map((t) => `'${t.code}'`).join(',')}])[1 + g % ${DEMO_TOWNSHIPS.length}]`,
  kind: `(ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}])[1 + g % ${KINDS.length}]`,
  // Six in ten closed; the open ones due from 30 days ago to 30 days ahead, so about half are overdue.
  stage: `CASE WHEN g % 10 < 6 THEN 'closed' ELSE (ARRAY[${OPEN.map((s) => `'${s}'`).join(',')}])[1 + g % ${OPEN.length}] END`,
  stageDueAt: `CASE WHEN g % 10 < 6 THEN NULL ELSE now() + ((g % 61) - 30) * interval '1 day' + (g % 997) * interval '1 minute' END`,
  receivedAt: `now() - (g % 730) * interval '1 day' - (g % 86399) * interval '1 second'`,
  closedAt: `CASE WHEN g % 10 < 6 THEN now() - (g % 700) * interval '1 day' ELSE NULL END`,
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
  await client.query('ANALYZE "Case"');
}

/** What the list endpoint asks PostgreSQL, written by hand: one page with its townships, and the count. */
const RAW = {
  list: {
    page: `SELECT c.*, t.name AS "townshipName" FROM "Case" c JOIN "Township" t ON t.code = c."townshipCode"
           ORDER BY c."receivedAt" DESC, c.id ASC LIMIT 20`,
    count: 'SELECT count(*) FROM "Case"',
  },
  overdue: {
    page: `SELECT c.*, t.name AS "townshipName" FROM "Case" c JOIN "Township" t ON t.code = c."townshipCode"
           WHERE c.stage <> 'closed' AND c."stageDueAt" < now() ORDER BY c."stageDueAt" ASC NULLS LAST, c.id ASC LIMIT 20`,
    count: `SELECT count(*) FROM "Case" WHERE stage <> 'closed' AND "stageDueAt" < now()`,
  },
};

export async function queries(ctx: BenchContext, sizes: number[], n: number, concurrency: number): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: ctx.stack.databaseUrl, max: 2 * concurrency });
  const seeder = new pg.Client({ connectionString: ctx.stack.databaseUrl });
  await seeder.connect();
  const desk = await ctx.http.login('desk');
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
      ] as const) {
        const ours = await measure(n, concurrency, () => ctx.http.call('GET', path, desk));
        const baseline = await measure(n, concurrency, () => Promise.all([pool.query(sql.page), pool.query(sql.count)]));
        rows.push({ scenario: `${name}: GET ${path} at ${Number(total).toLocaleString('en')} cases`, ours, baseline, baselineName: 'the same page and count in raw SQL' });
      }
    }
  } finally {
    await seeder.end();
    await pool.end();
  }
  return rows;
}
