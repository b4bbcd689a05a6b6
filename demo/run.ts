// Fills a running system with the demo county's year through its public API: every petition is
// registered with an Idempotency-Key from the seed and taken through its steps by the role that
// performs each, several at a time. A rerun finds each case by its key, counts the steps its
// timeline already holds, and performs only the missing ones, so it creates nothing new.
import { ACTION_NAMES } from '../domain/actions';
import { addDays, cstDate, cstDay } from '../domain/report-week';
import { DEMO_USERS } from '../prisma/seed';
import { demoPlan, type DemoAction, type DemoCase } from './plan';

export interface DemoOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  seed: string;
  password: string;
  consultations?: number;
  concurrency?: number;
  log?: (line: string) => void;
}

export interface DemoSummary {
  /** The demo year's end: the day of the first run with this seed. */
  anchor: string;
  cases: number;
  registered: number;
  steps: number;
}

interface Reply { status: number; body: any; replayed: boolean }

function client(url: string) {
  return async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };
}

const ROLE_OF: Partial<Record<DemoAction, string>> = { approve: 'reviewer', return: 'reviewer', reply: 'reviewer' };
const STEP_TYPES = new Set<string>(ACTION_NAMES);

/** Runs `work` over `items` with at most `n` in flight. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export async function runDemo(o: DemoOptions): Promise<DemoSummary> {
  const call = client(o.url.replace(/\/$/, ''));
  const log = o.log ?? (() => undefined);
  const tokens = new Map<string, Promise<string>>();
  const login = (username: string) => {
    if (!tokens.has(username)) {
      tokens.set(username, call('POST', '/api/auth/login', undefined, { username, password: o.password }).then((r) => {
        if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body.token as string;
      }));
    }
    return tokens.get(username)!;
  };
  const officerOf = (township: string) => DEMO_USERS.find((u) => u.role === 'township_officer' && u.townshipCode === township)!.username;
  const actor = (action: DemoAction, township: string) => (action === 'submit-investigation' ? officerOf(township) : ROLE_OF[action] ?? 'desk');
  const register = async (c: DemoCase) => call('POST', '/api/cases', await login('desk'), c.registration, { 'Idempotency-Key': c.key });
  const planFor = (anchor: Date) => demoPlan({ seed: o.seed, anchor, consultations: o.consultations });

  // The year ends on the day the seed was first used. Registering its first case with each candidate
  // day finds that day: only the day it was registered with is accepted again (any other body is a
  // 409 for a reused key); on a first run, today's is accepted and fixes the year.
  const today = cstDay(cstDate(new Date()));
  let anchor: Date | undefined;
  let plan: DemoCase[] = [];
  let first: Reply | undefined;
  for (let d = 0; d <= 400 && !anchor; d++) {
    plan = planFor(addDays(today, -d));
    first = await register(plan[0]!);
    if (first.status === 201) anchor = addDays(today, -d);
    else if (first.status !== 409) throw new Error(`register: ${first.status} ${JSON.stringify(first.body)}`);
  }
  if (!anchor) throw new Error(`seed "${o.seed}" was used for other data; choose another seed`);
  log(`demo year ${cstDate(addDays(anchor, -365))} … ${cstDate(addDays(anchor, -1))}: ${plan.length} petitions`);

  let registered = 0;
  let steps = 0;
  let done = 0;
  await pool(plan, o.concurrency ?? 8, async (c) => {
    const r = c === plan[0] ? first! : await register(c);
    if (r.status !== 201) throw new Error(`register ${c.key}: ${r.status} ${JSON.stringify(r.body)}`);
    if (!r.replayed) registered++;
    const performed = (r.body.timeline as Array<{ type: string }>).filter((e) => STEP_TYPES.has(e.type)).length;
    for (const step of c.steps.slice(performed)) {
      const res = await call('POST', `/api/cases/${r.body.id}/actions/${step.action}`, await login(actor(step.action, c.registration.township)), step.input);
      if (res.status !== 200) throw new Error(`${c.key} ${step.action}: ${res.status} ${JSON.stringify(res.body)}`);
      steps++;
    }
    if (++done % 100 === 0) log(`  ${done}/${plan.length}`);
  });
  return { anchor: cstDate(anchor), cases: plan.length, registered, steps };
}
