// The payload codec every client and worker uses: AES-256-GCM over each whole payload, so Temporal
// (its database, its Web UI, anyone reading its API) holds no identity in clear, and a payload made
// without a key, such as a command sent straight to the server, is never read as one of ours.
import crypto from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

export interface PayloadKey {
  /** Stored with each payload, so a key can be retired only once nothing it encrypted is still read. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
/**
 * What a payload that is not ours decodes to: an encoding no payload converter knows, so reading it
 * fails where it is read. A workflow then rejects the Update carrying it before any handler or
 * validator runs (nothing enters the history), while throwing here would fail the whole workflow
 * task, again at every retry, and stall the case.
 */
export const REFUSED_ENCODING = 'binary/refused-unencrypted';

// A CommonJS module: Node's ESM loader cannot name its exports, so it is read from the default.
const { Payload: PayloadMessage } = proto.temporal.api.common.v1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const utf8 = (s: string) => Buffer.from(s, 'utf8');

export class EncryptionCodec implements PayloadCodec {
  private readonly byId: Map<string, Buffer>;

  /**
   * `keys[0]` encrypts; every key decrypts what it encrypted, so a new key is added in front and old
   * ones stay until retired. `foreign: 'show'` (for the Web UI's codec endpoint only) leaves a payload
   * that is not ours as it is, so an operator sees what a forged command carried.
   */
  constructor(private readonly keys: PayloadKey[], private readonly opts: { foreign: 'refuse' | 'show' } = { foreign: 'refuse' }) {
    if (!keys.length) throw new Error('the payload codec needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new Error(`payload key ${k.id} is not 32 bytes`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.encrypt(p));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.decrypt(p) ?? (this.opts.foreign === 'show' ? p : refused()));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.keys[0]!;
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    // The key id is authenticated too: a payload moved under another id does not decrypt.
    cipher.setAAD(utf8(id));
    const plain = PayloadMessage.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { [METADATA_ENCODING_KEY]: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(id) }, data };
  }

  /** The payload, or undefined when it is not one this codec encrypted with a key it still has. */
  private decrypt(payload: Payload): Payload | undefined {
    const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
    const keyId = payload.metadata?.[KEY_ID_METADATA];
    if (!encoding || Buffer.from(encoding).toString() !== ENCRYPTED_ENCODING || !keyId) return undefined;
    const id = Buffer.from(keyId).toString();
    const key = this.byId.get(id);
    const data = payload.data;
    if (!key || !data || data.length < IV_BYTES + TAG_BYTES) return undefined;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(utf8(id));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return PayloadMessage.decode(plain) as Payload;
    } catch {
      return undefined;
    }
  }
}

function refused(): Payload {
  return { metadata: { [METADATA_ENCODING_KEY]: utf8(REFUSED_ENCODING) }, data: new Uint8Array() };
}
