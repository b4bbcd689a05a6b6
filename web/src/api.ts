// The console's only way to the server: JSON over fetch with the bearer token of this browser tab.
import type { z } from 'zod';
import type { userSchema } from '../../api/auth/schemas';

/** The signed-in user as the API describes them. */
export type User = z.infer<typeof userSchema>;

export interface FieldError {
  field: string;
  message: string;
}

/** An answer other than 2xx, with the API's error body when it sent one. */
export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: FieldError[] = []) {
    super(message);
  }
}

const SESSION_KEY = 'jianjian.session';

interface Session {
  token: string;
  user: User;
}

export function session(): Session | undefined {
  const raw = sessionStorage.getItem(SESSION_KEY);
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

export function currentUser(): User | undefined {
  return session()?.user;
}

/** Changes the signed-in user as this tab remembers them (e.g. after a password change). */
export function updateSessionUser(patch: Partial<User>): User | undefined {
  const s = session();
  if (!s) return undefined;
  const user = { ...s.user, ...patch };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...s, user }));
  return user;
}

let onUnauthorized: () => void = () => undefined;

let onPasswordChangeRequired: () => void = () => undefined;

/** What to do when the token has expired or was revoked: the app sends the user to the login page. */
export function whenUnauthorized(fn: () => void): void {
  onUnauthorized = fn;
}

/** What to do when the server wants a new password first: the app opens the password page. */
export function whenPasswordChangeRequired(fn: () => void): void {
  onPasswordChangeRequired = fn;
}

export interface RequestOptions {
  body?: unknown;
  /** A file to send as the raw body, with its own Content-Type. */
  file?: Blob;
  headers?: Record<string, string>;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  const token = session()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (opts.file) {
    body = opts.file;
    headers['content-type'] ??= opts.file.type;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(path, { method, headers, body });
  const data: unknown = res.headers.get('content-type')?.includes('application/json') ? await res.json() : undefined;
  if (res.ok) return data as T;
  const error = (data as { error?: { code: string; message: string; fields?: FieldError[] } } | undefined)?.error;
  if (res.status === 401 && token) {
    sessionStorage.removeItem(SESSION_KEY);
    onUnauthorized();
  }
  if (error?.code === 'password_change_required') onPasswordChangeRequired();
  throw new ApiFailure(res.status, error?.code ?? 'http_error', error?.message ?? `${res.status} ${res.statusText}`, error?.fields);
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body, headers });
export const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body });

export async function login(username: string, password: string): Promise<User> {
  const r = await post<{ token: string; user: User }>('/api/auth/login', { username, password });
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token: r.token, user: r.user }));
  return r.user;
}

export async function logout(): Promise<void> {
  await post('/api/auth/logout').catch(() => undefined);
  sessionStorage.removeItem(SESSION_KEY);
}

/** The file name a download names in its Content-Disposition, if any. */
function fileNameOf(disposition: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** Downloads a protected file: the bearer token cannot ride on a plain link, so fetch it and save it. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = session()?.token;
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new ApiFailure(res.status, 'http_error', `${res.status} ${res.statusText}`);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
