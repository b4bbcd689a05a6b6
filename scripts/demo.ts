// `npm run demo`: fills a running system (`npm start`) with the demo county's year, through the API.
// Options: --url (default http://127.0.0.1:3000), --seed, --consultations, --concurrency, --password.
import { parseArgs } from 'node:util';
import { DEFAULT_CONSULTATIONS } from '../demo/plan';
import { runDemo } from '../demo/run';
import { DEMO_PASSWORD } from '../prisma/seed';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.DEMO_URL ?? 'http://127.0.0.1:3000' },
    seed: { type: 'string', default: 'jianjian' },
    consultations: { type: 'string', default: String(DEFAULT_CONSULTATIONS) },
    concurrency: { type: 'string', default: '8' },
    password: { type: 'string', default: DEMO_PASSWORD },
  },
});

const started = Date.now();
const summary = await runDemo({
  url: values.url, seed: values.seed, password: values.password,
  consultations: Number(values.consultations), concurrency: Number(values.concurrency), log: console.log,
});
console.log(`${summary.cases} petitions (${summary.registered} newly registered, ${summary.steps} steps performed) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`Statistics: ${values.url}/api/statistics (log in as manager); the demo year ends ${summary.anchor}.`);
