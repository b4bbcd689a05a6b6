// Who is calling and from where, for the length of one request. The audit log reads it, so code deep
// in a service records an entry without every signature carrying the caller's address.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuthUser } from '../auth/service';

export interface RequestContext {
  ip: string;
  user?: AuthUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  return storage.run(ctx, () => fn(ctx));
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}
