// temporal.connection.ts with Temporal's environment configuration: the server, namespace, TLS and mTLS
// files and API key from TEMPORAL_* variables or a profile file, and a clear refusal of a missing file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemporalConfig } from '../../temporal.config';
import { connectionOptions } from '../../temporal.connection';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianjian-envconfig-'));
const file = (name: string, text: string) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
const [ca, crt, key] = [file('ca.pem', 'CA'), file('client.pem', 'CERT'), file('client.key', 'KEY')];
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
/** A configured server needs the payload codec's keys (test/unit/payload-codec.test.ts). */
const KEYS = `k1=${Buffer.alloc(32, 1).toString('base64')}`;

describe('the Temporal connection', () => {
  it('reaches a local dev server in plain text when no server is configured', () => {
    const config = loadTemporalConfig({});
    expect(config.address).toBeUndefined();
    expect(connectionOptions(config, '127.0.0.1:7233')).toEqual({ address: '127.0.0.1:7233' });
  });

  it('takes the address, namespace, mTLS files and API key from TEMPORAL_* variables', () => {
    const config = loadTemporalConfig({
      TEMPORAL_ADDRESS: 'temporal.county.internal:7233', TEMPORAL_NAMESPACE: 'county', TEMPORAL_API_KEY: 'k-1', TEMPORAL_PAYLOAD_KEYS: KEYS,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca, TEMPORAL_TLS_CLIENT_CERT_PATH: crt, TEMPORAL_TLS_CLIENT_KEY_PATH: key, TEMPORAL_TLS_SERVER_NAME: 'temporal',
    });
    expect(config.namespace).toBe('county');
    const o = connectionOptions(config, config.address!);
    expect(o).toMatchObject({ address: 'temporal.county.internal:7233', apiKey: 'k-1', tls: { serverNameOverride: 'temporal' } });
    const tls = o.tls as { serverRootCACertificate: Buffer; clientCertPair: { crt: Buffer; key: Buffer } };
    expect([tls.serverRootCACertificate, tls.clientCertPair.crt, tls.clientCertPair.key].map((b) => Buffer.from(b).toString())).toEqual(['CA', 'CERT', 'KEY']);
  });

  it('reads a named profile from the configuration file, variables overriding it', () => {
    const toml = file('temporal.toml', `
[profile.default]
address = "localhost:7233"

[profile.county]
address = "temporal.county.internal:7233"
namespace = "jianjian-prod"
api_key = "from-file"
[profile.county.tls]
server_ca_cert_path = "${ca}"
`);
    const config = loadTemporalConfig({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PROFILE: 'county', TEMPORAL_API_KEY: 'from-env', TEMPORAL_PAYLOAD_KEYS: KEYS });
    expect(config).toMatchObject({ address: 'temporal.county.internal:7233', namespace: 'jianjian-prod' });
    expect(connectionOptions(config, config.address!)).toMatchObject({ apiKey: 'from-env', tls: { serverRootCACertificate: expect.anything() } });
    expect(loadTemporalConfig({ TEMPORAL_CONFIG_FILE: toml, TEMPORAL_PAYLOAD_KEYS: KEYS }).address).toBe('localhost:7233');
  });

  it('refuses to start on a missing certificate file, profile or configuration file, saying which', () => {
    const missing = path.join(dir, 'nowhere.pem');
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'a:1', TEMPORAL_TLS_CLIENT_CERT_PATH: missing, TEMPORAL_TLS_CLIENT_KEY_PATH: key }))
      .toThrow(`Invalid Temporal configuration: the TLS client certificate (TEMPORAL_TLS_CLIENT_CERT_PATH or tls.client_cert_path) file "${missing}" does not exist`);
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'a:1', TEMPORAL_TLS_SERVER_CA_CERT_PATH: missing })).toThrow(/server CA certificate .* does not exist/);
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 'a:1', TEMPORAL_TLS_CLIENT_CERT_PATH: crt })).toThrow(/needs both a client certificate and its key/);
    expect(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: missing })).toThrow(/TEMPORAL_CONFIG_FILE .* does not exist/);
    expect(() => loadTemporalConfig({ TEMPORAL_CONFIG_FILE: file('other.toml', '[profile.default]\naddress = "localhost:7233"\n'), TEMPORAL_PROFILE: 'prod' })).toThrow(/Profile 'prod' not found/);
  });
});
