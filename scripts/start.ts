// `npm start`: the whole system on one machine, on embedded defaults, after `npm run setup`'s steps.
// On the embedded database it is the demo county (DEMO=off turns that off). Ctrl-C stops it cleanly;
// cases and running workflows are kept in the data folder for the next start.
import { loadAppConfig } from '../config/app';
import { runMain } from '../config/main';
import { DEMO_PASSWORD, DEMO_USERS } from '../prisma/seed';
import { startApi } from '../api/server';
import { describeSetup } from '../setup/run';
import { startServices } from '../stack/services';
import { loadTemporalConfig } from '../temporal.config';
import { runWorker } from '../worker/run';

const range = (role: string) => {
  const names = DEMO_USERS.filter((u) => u.role === role).map((u) => u.username);
  return `${names[0]} … ${names.at(-1)}`;
};
const demoLogins = `
Demo logins (password "${DEMO_PASSWORD}"):
  desk       complaint desk staff
  reviewer   county reviewer
  manager    manager
  admin      user administrator
  ${range('township_officer')}   township officers, one per township
  ${range('township_leader')}   township leaders, one per township`;

await runMain(async () => {
  const app = loadAppConfig();
  const temporal = loadTemporalConfig();
  const services = await startServices(app, temporal, console.log, { demo: app.demo });
  const worker = await runWorker({ databaseUrl: services.databaseUrl, address: services.temporalAddress, config: temporal, mail: app.mail });
  const api = await startApi({ databaseUrl: services.databaseUrl, address: services.temporalAddress, app, temporal });
  console.log(`
${describeSetup(services.setup)}

jianjian is running.
  API            ${api.url}/api   (OpenAPI: ${api.url}/api/openapi.json, health: ${api.url}/healthz)
  Console        ${api.url}/
  Temporal       ${services.temporalAddress}${services.temporalUiUrl ? `   Web UI: ${services.temporalUiUrl}` : ''}
  Data           ${app.DATABASE_URL ? 'DATABASE_URL' : app.DATA_DIR}
${app.mode === 'production' ? 'Production mode.' : app.demo ? demoLogins : ''}
Press Ctrl-C to stop.
`);

  let stopping = false;
  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await api.close().catch((e) => console.error('api:', e));
    await worker.shutdown().catch((e) => console.error('worker:', e));
    await services.stop();
    console.log('stopped.');
    process.exit(0);
  }
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
});
