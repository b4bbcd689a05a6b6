import type { Server } from 'node:http';
import type { AppConfig } from '../config/app';
import { createDb, type Db } from '../db/client';
import { demoAccountsLeft } from '../prisma/seed';
import type { TemporalConfig } from '../temporal.config';
import { connectClient } from '../temporal.connection';
import { createApp } from './app';
import { codecEndpoint } from './temporal-codec/service';

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Production mode refuses to serve while anyone can log in with the published demo password. */
async function refuseDemoAccounts(db: Db): Promise<void> {
  const left = await demoAccountsLeft(db);
  if (left.length > 0) {
    throw new Error(`production mode: the demo accounts ${left.join(', ')} still have the demo password; deactivate them or set their passwords (npm start in demo mode, or the admin's user page) first`);
  }
}

/** Connects to PostgreSQL and Temporal and serves the API. */
export async function startApi(opts: {
  databaseUrl: string; address: string; app: AppConfig; temporal: TemporalConfig;
}): Promise<RunningApi> {
  const db = createDb(opts.databaseUrl);
  if (opts.app.mode === 'production') await refuseDemoAccounts(db).catch(async (e) => { await db.$disconnect(); throw e; });
  const temporal = await connectClient(opts.temporal, opts.address);
  const app = createApp({ db, temporal: temporal.client, taskQueue: opts.temporal.taskQueue, policy: opts.app.policy, codec: codecEndpoint(opts.temporal), config: opts.app });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(opts.app.PORT, opts.app.HOST, () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.app.PORT;
  return {
    url: `http://${opts.app.HOST}:${port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await temporal.close();
      await db.$disconnect();
    },
  };
}
