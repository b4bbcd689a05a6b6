import type { RequestHandler } from 'express';
import { route, type Route } from '../http/route';
import { payloadsSchema } from './schemas';
import type { CodecOperation, CodecService } from './service';

export const CODEC_PATH = '/api/temporal-codec';

const headers = {
  'X-Namespace': { required: false, description: 'the Temporal namespace, as the Web UI sends it' },
  Origin: { required: false, description: "a browser's origin: the Temporal Web UI's, or the call is refused" },
};

const operation = (codec: CodecService, op: CodecOperation): Route => route({
  method: 'post', path: `${CODEC_PATH}/${op}`, tag: 'temporal',
  summary: op === 'decode'
    ? 'Decrypt Temporal payloads for the Web UI (codec-server protocol): an administrator, or the codec token'
    : 'Encrypt Temporal payloads (codec-server protocol): the codec token only',
  body: payloadsSchema,
  headers,
  responses: {
    200: { description: `the payloads ${op}d, in order`, schema: payloadsSchema },
    401: { description: 'no valid session or token' },
    403: { description: 'not an administrator (decode), not the codec token (encode), or another origin' },
  },
  // The service records each call with who made it.
  audit: false,
  handle: async ({ req, body }) => ({ body: await codec.run(req, op, body) }),
});

export function temporalCodecRoutes(codec: CodecService): Route[] {
  return [operation(codec, 'decode'), operation(codec, 'encode')];
}

/**
 * CORS for the Web UI's origin alone, with credentials (the console's session cookie); a preflight
 * from any other origin is refused. Mounted before the routes, which refuse OPTIONS.
 */
export function codecCors(origins: string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.header('origin');
    const allowed = origin !== undefined && origins.includes(origin);
    if (allowed) res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' });
    if (req.method !== 'OPTIONS') return next();
    if (!allowed) return res.status(403).json({ error: { code: 'origin_not_allowed', message: 'the codec endpoint answers the Temporal Web UI only' } });
    res.set({ 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  };
}
