// The payload codec: AES-256-GCM with the key id in the metadata, rotation, and refusal of any
// payload it did not encrypt; and its keys' configuration.
import crypto from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { EncryptionCodec, KEY_ID_METADATA, REFUSED_ENCODING, type PayloadKey } from '../../temporal.codec';
import { DEMO_PAYLOAD_KEY, loadTemporalConfig } from '../../temporal.config';

const key = (id: string): PayloadKey => ({ id, key: crypto.randomBytes(32) });
const [old, next] = [key('2025'), key('2026')];
const identity = { name: '周秘密', phone: '18500001234', idNumber: '110101199001011234' };
const payload = () => defaultPayloadConverter.toPayload(identity);
const text = (b?: Uint8Array | null) => Buffer.from(b ?? []).toString();
const encodingOf = (p: Payload) => text(p.metadata?.[METADATA_ENCODING_KEY]);

describe('the payload codec', () => {
  it('encrypts the whole payload, naming its key, and decrypts it back', async () => {
    const codec = new EncryptionCodec([old]);
    const [encrypted] = await codec.encode([payload()]);
    expect(encodingOf(encrypted!)).toBe('binary/encrypted');
    expect(text(encrypted!.metadata?.[KEY_ID_METADATA])).toBe('2025');
    for (const value of Object.values(identity)) expect(text(encrypted!.data)).not.toContain(value);
    expect(Buffer.from(encrypted!.data!).includes(Buffer.from('json/plain'))).toBe(false);
    const [decoded] = await codec.decode([encrypted!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(identity);
  });

  it('rotates: a new key in front encrypts, the old one still decrypts what it wrote', async () => {
    const [written] = await new EncryptionCodec([old]).encode([payload()]);
    const rotated = new EncryptionCodec([next, old]);
    expect(text((await rotated.encode([payload()]))[0]!.metadata?.[KEY_ID_METADATA])).toBe('2026');
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([written!]))[0]!)).toEqual(identity);
    // Once the old key is retired, what it wrote is refused like any payload that is not ours.
    expect(encodingOf((await new EncryptionCodec([next]).decode([written!]))[0]!)).toBe(REFUSED_ENCODING);
  });

  it('refuses a plain payload, a tampered one and one under another id, without throwing', async () => {
    const codec = new EncryptionCodec([old]);
    const [good] = await codec.encode([payload()]);
    const tampered = { ...good!, data: Buffer.from(good!.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) };
    const moved = { ...good!, metadata: { ...good!.metadata, [KEY_ID_METADATA]: Buffer.from('2026') } };
    const decoded = await new EncryptionCodec([old, { id: '2026', key: old.key }]).decode([payload(), tampered, moved]);
    expect(decoded.map(encodingOf)).toEqual([REFUSED_ENCODING, REFUSED_ENCODING, REFUSED_ENCODING]);
    // Reading a refused payload fails where it is read (in a workflow: the Update is rejected).
    expect(() => defaultPayloadConverter.fromPayload(decoded[0]!)).toThrow(REFUSED_ENCODING);
  });

  it('shows a payload that is not ours as it is to the Web UI, decrypting ours', async () => {
    const codec = new EncryptionCodec([old], { foreign: 'show' });
    const [ours] = await codec.encode([payload()]);
    const [plain, decrypted] = await codec.decode([payload(), ours!]);
    expect(plain).toEqual(payload());
    expect(defaultPayloadConverter.fromPayload(decrypted!)).toEqual(identity);
  });
});

describe('the payload keys configuration', () => {
  const b64 = (k: PayloadKey) => k.key.toString('base64');

  it('reads id=key pairs, the first encrypting; the demo key serves only the local dev server', () => {
    const c = loadTemporalConfig({ TEMPORAL_ADDRESS: 't:7233', TEMPORAL_PAYLOAD_KEYS: `2026=${b64(next)}, 2025=${b64(old)}` });
    expect(c.payloadKeys.map((k) => k.id)).toEqual(['2026', '2025']);
    expect(c.payloadKeys[1]!.key.equals(old.key)).toBe(true);
    expect(loadTemporalConfig({}).payloadKeys).toEqual([DEMO_PAYLOAD_KEY]);
    expect(() => loadTemporalConfig({ TEMPORAL_ADDRESS: 't:7233' })).toThrow(/TEMPORAL_PAYLOAD_KEYS is required with a configured Temporal server/);
    expect(() => loadTemporalConfig({ JIANJIAN_MODE: 'production' })).toThrow(/TEMPORAL_PAYLOAD_KEYS is required in production mode/);
    expect(() => loadTemporalConfig({ NODE_ENV: 'production' })).toThrow(/in production mode/);
  });

  it('refuses a key that is not 32 bytes, a pair without an id, and an id named twice', () => {
    expect(() => loadTemporalConfig({ TEMPORAL_PAYLOAD_KEYS: `k=${crypto.randomBytes(16).toString('base64')}` })).toThrow(/TEMPORAL_PAYLOAD_KEYS: must be id=key pairs/);
    expect(() => loadTemporalConfig({ TEMPORAL_PAYLOAD_KEYS: b64(old) })).toThrow(/TEMPORAL_PAYLOAD_KEYS/);
    expect(() => loadTemporalConfig({ TEMPORAL_PAYLOAD_KEYS: `a=${b64(old)},a=${b64(next)}` })).toThrow(/names a key id twice/);
  });
});
