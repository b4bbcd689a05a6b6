// Certificates made with openssl for the mTLS test, and a TLS front that demands a client certificate
// and passes the connection on to a plain dev server (the CLI's dev server has no TLS options), as a
// production ingress or the server's own `global.tls.frontend` with `requireClientAuth` would.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

export interface Pki {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

const openssl = (dir: string, ...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA and a certificate signed by it, in `dir`: `<name>.pem` and `<name>.key`. */
export function makeCa(dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  openssl(dir, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2',
    '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`);
  return path.join(dir, `${name}.pem`);
}

export function makeCert(dir: string, ca: string, name: string, san: string): { cert: string; key: string } {
  const caBase = path.basename(ca, '.pem');
  fs.writeFileSync(path.join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  openssl(dir, 'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${caBase}.pem`, '-CAkey', `${caBase}.key`, '-CAcreateserial',
    '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
  return { cert: path.join(dir, `${name}.pem`), key: path.join(dir, `${name}.key`) };
}

export function makePki(dir: string): Pki {
  const ca = makeCa(dir, 'county-ca');
  const server = makeCert(dir, ca, 'temporal', 'DNS:temporal.county.internal,IP:127.0.0.1');
  const client = makeCert(dir, ca, 'jianjian', 'DNS:jianjian');
  return { ca, serverCert: server.cert, serverKey: server.key, clientCert: client.cert, clientKey: client.key };
}

export interface MtlsFront {
  address: string;
  /** Handshakes refused for want of a trusted client certificate. */
  refused: number;
  close(): Promise<void>;
}

export async function startMtlsFront(pki: Pki, upstream: string): Promise<MtlsFront> {
  const [host, port] = upstream.split(':') as [string, string];
  const front: MtlsFront = { address: '', refused: 0, close: async () => undefined };
  const server = tls.createServer({
    key: fs.readFileSync(pki.serverKey), cert: fs.readFileSync(pki.serverCert), ca: fs.readFileSync(pki.ca),
    requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'],
  }, (socket) => {
    const backend = net.connect(Number(port), host);
    socket.pipe(backend).pipe(socket);
    const end = () => { socket.destroy(); backend.destroy(); };
    socket.on('error', end);
    backend.on('error', end);
  });
  server.on('tlsClientError', () => { front.refused += 1; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  front.address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  front.close = () => new Promise((resolve) => server.close(() => resolve()));
  return front;
}
