// `npm run api`: the HTTP API alone, against DATABASE_URL and the configured Temporal server, on a
// database that `npm run setup` has brought up to date.
import { loadAppConfig } from '../config/app';
import { runMain } from '../config/main';
import { ConfigError } from '../config/parse-env';
import { loadTemporalConfig } from '../temporal.config';
import { startApi } from './server';

await runMain(async () => {
  const app = loadAppConfig();
  const temporal = loadTemporalConfig();
  if (!app.DATABASE_URL || !temporal.address) {
    throw new ConfigError('The API alone needs DATABASE_URL and a Temporal server (TEMPORAL_ADDRESS, or a profile in TEMPORAL_CONFIG_FILE); npm start runs everything locally');
  }
  const api = await startApi({ databaseUrl: app.DATABASE_URL, address: temporal.address, app, temporal });
  console.log(`API listening on ${api.url}`);
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void api.close().then(() => process.exit(0)));
});
