// `npm run worker`: the case worker alone, against DATABASE_URL and TEMPORAL_ADDRESS.
import { loadAppConfig } from '../config/app';
import { loadTemporalConfig } from '../temporal.config';
import { runWorker } from './run';

const app = loadAppConfig();
const temporal = loadTemporalConfig();
if (!app.DATABASE_URL || !temporal.address) {
  console.error('npm run worker needs DATABASE_URL and TEMPORAL_ADDRESS (npm start runs everything locally)');
  process.exit(2);
}
const worker = await runWorker({ databaseUrl: app.DATABASE_URL, address: temporal.address, config: temporal, mail: app.mail });
console.log(`worker polling task queue "${temporal.taskQueue}" on ${temporal.address}`);
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void worker.shutdown());
await worker.done;
