// Latency and throughput of a batch of operations, and how two such figures compare.
import { performance } from 'node:perf_hooks';
import { inParallel } from '../test/support/pool';

export interface Figure {
  n: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** Operations per second over the batch's wall time. */
  perSecond: number;
  wallMs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function figure(latencies: number[], wallMs: number): Figure {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), perSecond: (sorted.length * 1000) / wallMs, wallMs };
}

/** Runs `op(0…n-1)` with `concurrency` in flight and times each call. */
export async function measure(n: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<Figure> {
  return timedBatch(n, concurrency, async (i, time) => { await time(() => op(i)); });
}

/** Like `measure`, for tasks that time several calls each: `time` times one call. */
export async function timedBatch(n: number, concurrency: number, task: (i: number, time: (call: () => Promise<unknown>) => Promise<void>) => Promise<void>): Promise<Figure> {
  const latencies: number[] = [];
  const time = async (call: () => Promise<unknown>) => {
    const t = performance.now();
    await call();
    latencies.push(performance.now() - t);
  };
  const started = performance.now();
  await inParallel(n, concurrency, (i) => task(i, time));
  return figure(latencies, performance.now() - started);
}

/** A measured amount that is not a latency, e.g. memory per cached workflow. */
export interface Quantity {
  value: number;
  unit: string;
  detail?: string;
}

/** One line of the report: what jianjian did, beside what the bare baseline did on the same servers. */
export interface Row {
  scenario: string;
  ours: Figure | Quantity;
  baseline?: Figure | Quantity;
  baselineName?: string;
  note?: string;
}

const isQuantity = (x: Figure | Quantity): x is Quantity => 'unit' in x;

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const times = (v: number) => `${v.toFixed(2)}×`;

export function formatRow(r: Row): string {
  const f = (x: Figure | Quantity) => (isQuantity(x) ? `${x.value.toFixed(1)} ${x.unit}${x.detail ? ` (${x.detail})` : ''}`
    : `p50 ${ms(x.p50)} ms, p99 ${ms(x.p99)} ms, ${x.perSecond.toFixed(1)}/s (n=${x.n})`);
  const lines = [`${r.scenario}`, `  jianjian   ${f(r.ours)}`];
  if (r.baseline) {
    lines.push(`  baseline   ${f(r.baseline)}   [${r.baselineName}]`);
    const [o, b] = [r.ours, r.baseline];
    lines.push(isQuantity(o) || isQuantity(b)
      ? `  ratio      ${times((o as Quantity).value / (b as Quantity).value)}`
      : `  ratio      p50 ${times(o.p50 / b.p50)}, p99 ${times(o.p99 / b.p99)}, throughput ${times(o.perSecond / b.perSecond)}`);
  }
  if (r.note) lines.push(`  note       ${r.note}`);
  return lines.join('\n');
}
