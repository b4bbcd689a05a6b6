// `npm run api`: the HTTP API alone, against DATABASE_URL and TEMPORAL_ADDRESS.
import { loadAppConfig } from '../config/app';
import { migrate } from '../db/migrate';
import { loadTemporalConfig } from '../temporal.config';
import { startApi } from './server';

const app = loadAppConfig();
const temporal = loadTemporalConfig();
if (!app.DATABASE_URL || !temporal.address) {
  console.error('npm run api needs DATABASE_URL and TEMPORAL_ADDRESS (npm start runs everything locally)');
  process.exit(2);
}
await migrate(app.DATABASE_OWNER_URL ?? app.DATABASE_URL, app.DATABASE_URL);
const api = await startApi({ databaseUrl: app.DATABASE_URL, address: temporal.address, app, temporal });
console.log(`API listening on ${api.url}`);
for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => void api.close().then(() => process.exit(0)));
