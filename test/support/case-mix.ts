// Registers cases through the API and walks each through a list of actions, as the right role.
import crypto from 'node:crypto';
import type { ActionInput } from '../../domain/actions';
import type { Registration } from '../../domain/registration';
import { DEMO_USERS } from '../../prisma/seed';
import type { ApiStack } from './api-stack';
import { inputs, registration, type StageAction } from './fixtures';

export const DAY_MS = 24 * 3600_000;

export interface PlannedCase {
  registration: Partial<Registration>;
  /** Actions in order; a tuple gives the action its own input instead of the fixture's. */
  actions: ReadonlyArray<StageAction | readonly [StageAction, ActionInput<StageAction>]>;
}

const officerOf = (code: string) => DEMO_USERS.find((u) => u.role === 'township_officer' && u.townshipCode === code)!.username;

/** Logs in the users that perform each action, per township, once. */
export function actingAs(api: ApiStack) {
  const tokens = new Map<string, Promise<string>>();
  const login = (username: string) => {
    if (!tokens.has(username)) tokens.set(username, api.login(username));
    return tokens.get(username)!;
  };
  return (action: StageAction, township: string) => login(
    action === 'submit-investigation' ? officerOf(township)
      : ['approve', 'return', 'reply'].includes(action) ? 'reviewer' : 'desk',
  );
}

/** Registers each planned case and performs its actions; returns the case ids in plan order. */
export async function registerMix(api: ApiStack, plan: PlannedCase[]): Promise<string[]> {
  const tokenFor = actingAs(api);
  return Promise.all(plan.map(async (p) => {
    const body = registration(p.registration);
    const r = await api.request('POST', '/api/cases', { token: await tokenFor('accept', body.township), body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
    for (const step of p.actions) {
      const [action, input] = typeof step === 'string' ? [step, inputs[step]] : step;
      // A case is accepted into the township it was registered for, so its officer investigates it.
      const res = await api.request('POST', `/api/cases/${r.body.id}/actions/${action}`, {
        token: await tokenFor(action, body.township), body: action === 'accept' ? { ...input, township: body.township } : input,
      });
      if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return r.body.id as string;
  }));
}
