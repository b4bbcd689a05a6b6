// A TCP proxy over several backends, as a load balancer in front of Temporal's frontends: each new
// connection goes to the next backend in turn, and to the one after it when that one refuses.
import net from 'node:net';

export interface TcpProxy {
  address: string;
  close(): Promise<void>;
}

export async function startTcpProxy(backends: () => string[], port = 0): Promise<TcpProxy> {
  let next = 0;
  const open = new Set<net.Socket>();
  const connect = (client: net.Socket, tries: number) => {
    const list = backends();
    const [host, p] = list[next++ % list.length]!.split(':');
    const upstream = net.connect(Number(p), host);
    open.add(upstream);
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      upstream.pipe(client);
      client.pipe(upstream);
      client.resume();
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
    });
    upstream.once('close', () => open.delete(upstream));
    upstream.on('error', () => {
      // Refused before any byte went through: the next backend takes the connection.
      if (!connected && tries + 1 < list.length) connect(client, tries + 1);
      else client.destroy();
    });
  };
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => undefined);
    client.once('close', () => open.delete(client));
    connect(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    close: () => new Promise((resolve) => { for (const s of open) s.destroy(); server.close(() => resolve()); }),
  };
}
