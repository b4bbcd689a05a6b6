// `npm run bench [-- --quick | --full] [-- --only=intake,transitions,codec,day,memory,queries] [-- --dayCases=500 --parked=2000 …]`:
// every figure beside a baseline measured in the same run on the same servers. `--<size>=N` overrides
// one of the sizes below (e.g. a county day a tenth the size where the machine is shared).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startBench, type BenchContext } from './context';
import { codec } from './codec';
import { countyDay } from './county-day';
import { intake } from './intake';
import { formatRow, type Row } from './measure';
import { memory } from './memory';
import { queries } from './queries';
import { transitions } from './transitions';

const quick = process.argv.includes('--quick');
const full = process.argv.includes('--full');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

/**
 * Sizes. By default the for intake, the 500th update and the queries at 100k and 1M cases, with a
 * fifth of a county day and 2,000 parked cases, so that the run fits 15 minutes on 2 cores: their figures
 * are per operation and per case. `--full` runs the whole county day (5,000 intakes, 15,000 transitions)
 * and 10,000 parked cases (about 40 minutes on 2 cores, and a case worker of 15 GB); `--quick` a smoke run.
 */
const SIZES = quick
  ? { intake: 50, updates: 60, dayCases: 100, parked: 200, cases: [10_000], queryCalls: 10 }
  : { intake: 300, updates: 500, dayCases: full ? 5000 : 1000, parked: full ? 10_000 : 2000, cases: [100_000, 1_000_000], queryCalls: 30 };
for (const a of process.argv) {
  const m = /^--(intake|updates|dayCases|parked|queryCalls)=(\d+)$/.exec(a);
  if (m) SIZES[m[1] as 'intake'] = Number(m[2]);
}
const CONCURRENCY = 8;

const scenarios: Record<string, (ctx: BenchContext) => Promise<Row | Row[]>> = {
  intake: (ctx) => intake(ctx, SIZES.intake, CONCURRENCY),
  transitions: (ctx) => transitions(ctx, SIZES.updates),
  codec: (ctx) => codec(ctx, 5000),
  day: (ctx) => countyDay(ctx, SIZES.dayCases, 2 * CONCURRENCY, 0.2),
  memory: (ctx) => memory(ctx, SIZES.parked),
  // Last: a million rows make every later write a little slower.
  queries: (ctx) => queries(ctx, SIZES.cases, SIZES.queryCalls, 2),
};

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
}

Runtime.install({ logger: new DefaultLogger('WARN') });
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const started = Date.now();
log(`machine: ${machine()}`);
const ctx = await startBench(log);
const report: string[] = [`jianjian benchmark, ${new Date().toISOString()}${quick ? ' (quick)' : full ? ' (full)' : ''}`, `machine: ${machine()}`];
try {
  for (const [name, run] of Object.entries(scenarios)) {
    if (only && !only.includes(name)) continue;
    const t = Date.now();
    log(`${name}…`);
    const rows = [await run(ctx)].flat();
    for (const r of rows) {
      const text = formatRow(r);
      console.log(text);
      report.push(text);
    }
    log(`${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
} finally {
  await ctx.stop();
}
const total = `total ${((Date.now() - started) / 1000).toFixed(0)} s; machine at the end: load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
log(total);
report.push(total);
const out = path.resolve('data', 'bench', `${new Date().toISOString().replace(/[:.]/g, '-')}.txt`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${report.join('\n')}\n`);
log(`report written to ${out}`);
