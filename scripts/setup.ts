// `npm run setup`: brings an installation up to date (database schema, the weekly report's Schedule,
// the first administrator) and exits. On DATABASE_URL and the configured Temporal server; with neither
// set, on the embedded PostgreSQL and a local dev server, as `npm start` runs them.
import { loadAppConfig } from '../config/app';
import { runMain } from '../config/main';
import { describeSetup } from '../setup/run';
import { startServices } from '../stack/services';
import { loadTemporalConfig } from '../temporal.config';

await runMain(async () => {
  const app = loadAppConfig();
  const temporal = loadTemporalConfig();
  const services = await startServices(app, temporal);
  await services.stop();
  console.log(describeSetup(services.setup));
});
