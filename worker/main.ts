// `npm run worker`: the case worker alone, against DATABASE_URL and the configured Temporal server.
import { loadAppConfig } from '../config/app';
import { runMain } from '../config/main';
import { ConfigError } from '../config/parse-env';
import { loadTemporalConfig } from '../temporal.config';
import { runWorker } from './run';

await runMain(async () => {
  const app = loadAppConfig();
  const temporal = loadTemporalConfig();
  if (!app.DATABASE_URL || !temporal.address) {
    throw new ConfigError('The worker alone needs DATABASE_URL and a Temporal server (TEMPORAL_ADDRESS, or a profile in TEMPORAL_CONFIG_FILE); npm start runs everything locally');
  }
  const worker = await runWorker({ databaseUrl: app.DATABASE_URL, address: temporal.address, config: temporal, mail: app.mail });
  console.log(`worker polling task queue "${temporal.taskQueue}" on ${temporal.address}`);
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void worker.shutdown());
  await worker.done;
});
