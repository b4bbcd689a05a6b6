/**
 * Waits for something another process does asynchronously (a worker's activity writing the read
 * model) by polling, up to a bound; the assertion is on the value, never on how long it took.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 200): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what}: still not there; last seen ${JSON.stringify(last)}`);
}
