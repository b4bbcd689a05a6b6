import type { Server } from 'node:http';
import type { AppConfig } from '../config/app';
import { createDb } from '../db/client';
import type { TemporalConfig } from '../temporal.config';
import { connectClient } from '../temporal.connection';
import { createApp } from './app';
import { codecEndpoint } from './temporal-codec/service';

export interface RunningApi {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Connects to PostgreSQL and Temporal and serves the API. */
export async function startApi(opts: {
  databaseUrl: string; address: string; app: AppConfig; temporal: TemporalConfig;
}): Promise<RunningApi> {
  const db = createDb(opts.databaseUrl);
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
