// Schemathesis against the OpenAPI document of a fresh local stack, as an authenticated desk user
// (scripts/fuzz_hooks.py logs in), until at least the given number of requests has been served
// (default 5,000). The API counts what it answers, so the summary does not rest on the fuzzer's.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ATTACHMENT_TYPES } from '../domain/attachments';
import { LISTED_DECISIONS } from '../domain/notice';
import { DEMO_PASSWORD } from '../prisma/seed';
import { startLocalStack } from '../stack/local';

const target = Number(process.argv[2] ?? process.env.FUZZ_REQUESTS ?? 5000);
const schemathesis = process.env.SCHEMATHESIS ?? 'schemathesis';
if (!Number.isInteger(target) || target < 1) throw new Error(`usage: npm run fuzz [-- REQUESTS] (got "${process.argv[2]}")`);

// The worker's state changes are not news here; its warnings and errors are.
Runtime.install({ logger: new DefaultLogger('WARN') });
console.log('Starting a local stack for the fuzz run…');
// Thousands of wrong passwords would lock the desk account the run logs in as (lockouts have tests of their own).
const stack = await startLocalStack({ env: { LOGIN_MAX_FAILURES: '1000000', LOGIN_MAX_FAILURES_PER_IP: '1000000' }, log: (l) => console.log(l) });
const byStatus = new Map<number, number>();
stack.api.server.on('request', (_req, res) => res.on('finish', () => byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1)));
const served = () => [...byStatus.values()].reduce((a, b) => a + b, 0);

function runSchemathesis(seed: number, examples: number): Promise<number> {
  const args = [
    '--config-file', path.join(import.meta.dirname, 'schemathesis.toml'),
    'run', `${stack.api.url}/api/openapi.json`, '--checks', 'all', '--max-examples', String(examples), '--seed', String(seed),
    '--workers', '2', '--request-timeout', '30', '--no-color',
    // A machine shared with other test runs answers in seconds at times; 30 s still catches a hung request.
    '--max-response-time', '30',
  ];
  const env = {
    ...process.env, SCHEMATHESIS_HOOKS: 'fuzz_hooks', PYTHONPATH: import.meta.dirname,
    JIANJIAN_URL: stack.api.url, JIANJIAN_PASSWORD: DEMO_PASSWORD, JIANJIAN_ATTACHMENT_TYPES: JSON.stringify(ATTACHMENT_TYPES),
    JIANJIAN_LISTED_DECISIONS: JSON.stringify(LISTED_DECISIONS),
  };
  const child = spawn(schemathesis, args, { stdio: 'inherit', env });
  return new Promise((resolve, reject) => { child.on('error', reject); child.on('exit', (code) => resolve(code ?? 1)); });
}

let failed = false;
try {
  const document = await (await fetch(`${stack.api.url}/api/openapi.json`)).json() as { paths: Record<string, object> };
  const operations = Object.values(document.paths).reduce((n, p) => n + Object.keys(p).length, 0);
  const started = Date.now();
  for (let round = 1; served() < target; round += 1) {
    const code = await runSchemathesis(round, Math.ceil((target - served()) / operations));
    if (code !== 0) failed = true;
  }
  const errors = [...byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  if (errors) failed = true;
  console.log(`\nFuzz summary: ${served()} requests in ${Math.round((Date.now() - started) / 1000)} s on ${operations} operations; server errors (5xx): ${errors}`);
  console.log(`By status: ${[...byStatus].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')}`);
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
