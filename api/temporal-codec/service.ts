// The codec server for the Temporal Web UI (and the CLI's --codec-endpoint): it decrypts payloads for
// operators only, so the UI can show histories while nobody else can decrypt through it.
import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Payload } from '@temporalio/common';
import { EncryptionCodec, type PayloadKey } from '../../temporal.codec';
import type { TemporalConfig } from '../../temporal.config';
import type { AuditLog } from '../audit/log';
import type { AuthUser } from '../auth/service';
import { ApiError } from '../http/errors';
import type { WirePayloads } from './schemas';

export interface CodecEndpointOptions {
  keys: PayloadKey[];
  /** Origins of the Web UI, the only ones a browser may call from. */
  origins: string[];
  /** A dedicated token for tools (the Temporal CLI): `Authorization: Bearer <token>`. */
  token?: string;
  authenticate(req: Request, opts: { originChecked: boolean }): Promise<AuthUser>;
  audit: AuditLog;
}

export type CodecOperation = 'decode' | 'encode';

export function createCodecService(opts: CodecEndpointOptions) {
  // The UI shows what a forged command carried instead of a refusal marker; encoding is as everywhere.
  const viewer = new EncryptionCodec(opts.keys, { foreign: 'show' });
  const encoder = new EncryptionCodec(opts.keys);
  const tokenHash = opts.token === undefined ? undefined : digest(opts.token);

  /** A browser from another origin is refused outright; the origin check stands in for the CSRF token. */
  function checkOrigin(req: Request): boolean {
    const origin = req.header('origin');
    if (origin === undefined) return false;
    if (!opts.origins.includes(origin)) throw new ApiError(403, 'origin_not_allowed', `the codec endpoint answers the Temporal Web UI only (${opts.origins.join(', ')})`);
    return true;
  }

  function hasToken(req: Request): boolean {
    const bearer = /^Bearer (\S+)$/.exec(req.header('authorization') ?? '')?.[1];
    return tokenHash !== undefined && bearer !== undefined && crypto.timingSafeEqual(digest(bearer), tokenHash);
  }

  /**
   * Decoding: an administrator's session (the console's cookie, sent by the Web UI with its
   * credentials, or a bearer token) or the dedicated token. Encoding makes payloads that workers
   * accept as commands, so only the dedicated token may (the Web UI's write actions are off).
   */
  async function authorize(req: Request, op: CodecOperation): Promise<{ id?: string; username: string; role?: string }> {
    const originChecked = checkOrigin(req);
    if (hasToken(req)) return { username: 'codec-token' };
    if (op === 'encode') throw ApiError.forbidden('encoding needs the codec token (TEMPORAL_CODEC_TOKEN)');
    const user = await opts.authenticate(req, { originChecked });
    if (user.role !== 'admin') throw ApiError.forbidden(`role "${user.role}" may not decode Temporal payloads (allowed: admin)`);
    return user;
  }

  return {
    async run(req: Request, op: CodecOperation, body: WirePayloads): Promise<WirePayloads> {
      const actor = await authorize(req, op);
      const payloads = body.payloads.map(fromWire);
      const out = op === 'decode' ? await viewer.decode(payloads) : await encoder.encode(payloads);
      // Decrypted payloads hold identities: each decryption is recorded, like any identity view.
      await opts.audit.record({ action: `temporal.payloads-${op}d`, status: 200, actor, target: req.header('x-namespace') ?? null, detail: { count: payloads.length } });
      return { payloads: out.map(toWire) };
    },
  };
}

export type CodecService = ReturnType<typeof createCodecService>;

/** The endpoint's settings from the Temporal configuration. */
export const codecEndpoint = (config: TemporalConfig) => ({ keys: config.payloadKeys, origins: config.webUi.origins, token: config.webUi.codecToken });

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();

function fromWire(p: WirePayloads['payloads'][number]): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    data: Buffer.from(p.data ?? '', 'base64'),
  };
}

function toWire(p: Payload): WirePayloads['payloads'][number] {
  return {
    metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? []).toString('base64')])),
    data: Buffer.from(p.data ?? []).toString('base64'),
  };
}
