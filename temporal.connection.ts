// The one place jianjian connects to Temporal: every Connection, NativeConnection and Client of the
// API, the worker, the scripts and the bench is made here, from the environment configuration that
// temporal.config.ts loads, with the one data converter that clients and workers must share.
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { toClientOptions } from '@temporalio/envconfig';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { EncryptionCodec } from './temporal.codec';
import type { TemporalConfig } from './temporal.config';

/**
 * How payloads are written to and read from Temporal. Clients and workers must agree, so both take
 * it from here: every payload encrypted, and one without our key refused (temporal.codec.ts).
 * Configuration always has a key; only the recorder of the saved replay histories runs without.
 */
export function dataConverter(config: TemporalConfig): DataConverter {
  return config.payloadKeys.length ? { payloadCodecs: [new EncryptionCodec(config.payloadKeys)] } : {};
}

/**
 * The configured server with its TLS, mTLS and API key; any other address is a local dev server
 * that `npm start` or a test started, reached in plain text.
 */
export function connectionOptions(config: TemporalConfig, address: string): NativeConnectionOptions {
  if (address !== config.address) return { address };
  return { ...toClientOptions(config.profile).connectionOptions, address };
}

export interface TemporalClient {
  client: Client;
  connection: Connection;
  close(): Promise<void>;
}

/** A client on the configured namespace, for the API, scripts and the bench. */
export async function connectClient(config: TemporalConfig, address: string, opts: { connectTimeout?: number } = {}): Promise<TemporalClient> {
  const connection = await Connection.connect({ ...connectionOptions(config, address), ...opts });
  const client = new Client({ connection, namespace: config.namespace, dataConverter: dataConverter(config) });
  return { client, connection, close: () => connection.close() };
}

/** A dev server this process started, in plain text: to wait until it serves its namespace. */
export function connectLocalServer(address: string, connectTimeout: number): Promise<Connection> {
  return Connection.connect({ address, connectTimeout });
}

/** A worker's connection; the worker takes its namespace and data converter from the same configuration. */
export function connectWorker(config: TemporalConfig, address: string): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config, address));
}
