// The dev server's Web UI behind a small guard, because the Temporal CLI cannot configure it: its
// write actions (terminate, cancel, signal, reset, start, Update, schedule and batch changes) are off,
// as the UI server's own `disableWriteActions` turns them off, and it is told to read payloads
// through the API's codec endpoint with the operator's console session.
import http from 'node:http';

export interface WebUiGuardOptions {
  /** Where the guard listens, as the Web UI's public port. */
  host: string;
  port: number;
  /** The dev server's own Web UI, on a loopback port nobody else is told. */
  upstreamPort: number;
  /** The API's codec endpoint, e.g. http://127.0.0.1:3000/api/temporal-codec. */
  codecEndpoint: string;
}

export interface RunningWebUiGuard {
  url: string;
  close(): Promise<void>;
}

/** What the UI server itself lets through with write actions off: reads, and queries (which change nothing). */
export function isReadOnly(method: string, path: string): boolean {
  if (method === 'GET' || method === 'HEAD') return true;
  return method === 'POST' && path.startsWith('/api/v1/namespaces/') && path.includes('/workflows/') && path.includes('/query/');
}

export async function startWebUiGuard(o: WebUiGuardOptions): Promise<RunningWebUiGuard> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://ui').pathname;
    if (!isReadOnly(req.method ?? 'GET', path)) {
      res.writeHead(405, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'write actions are disabled in this Web UI' }));
      return;
    }
    // The settings are rewritten, so they are asked for uncompressed.
    const headers = path === '/api/v1/settings' ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
    const upstream = http.request({ host: '127.0.0.1', port: o.upstreamPort, method: req.method, path: req.url, headers }, (up) => {
      if (path !== '/api/v1/settings' || up.statusCode !== 200) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const settings = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const body = JSON.stringify({
          ...settings,
          DisableWriteActions: true, WorkflowTerminateDisabled: true, WorkflowCancelDisabled: true, WorkflowSignalDisabled: true,
          WorkflowUpdateDisabled: true, WorkflowResetDisabled: true, BatchActionsDisabled: true, StartWorkflowDisabled: true, ActivityCommandsDisabled: true,
          Codec: { ...(settings.Codec as object | undefined), Endpoint: o.codecEndpoint, IncludeCredentials: true, PassAccessToken: false },
        });
        const { 'content-length': _length, ...kept } = up.headers;
        res.writeHead(200, { ...kept, 'content-length': Buffer.byteLength(body) }).end(body);
      });
    });
    upstream.on('error', () => { if (!res.headersSent) res.writeHead(502).end(); else res.destroy(); });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(o.port, o.host, () => resolve()); });
  return {
    url: `http://${o.host}:${o.port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
