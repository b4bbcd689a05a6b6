import { route, type Route } from '../http/route';
import { loginResponseSchema, loginSchema, passwordChangeSchema, userSchema } from './schemas';
import type { AuthService } from './service';
import { clearedCookies, csrfTokenFor, sessionCookies } from './session-cookie';

export function authRoutes(auth: AuthService, opts: { secureCookies: boolean }): Route[] {
  return [
    route({
      method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Log in',
      body: loginSchema,
      // The service logs every attempt itself, with the username tried.
      audit: false,
      responses: {
        200: { description: 'a bearer token, or with `session: "cookie"` a session cookie and its CSRF token', schema: loginResponseSchema },
        401: { description: 'wrong username or password' },
        423: { description: 'the account is locked after repeated failures (Retry-After)' },
        429: { description: 'too many failures from this address (Retry-After)' },
      },
      handle: async ({ req, body }) => {
        const { token, expiresAt, user, deviceCookie } = await auth.login(req, body.username, body.password);
        if (body.session === 'token') return { body: { token, expiresAt: expiresAt.toISOString(), user }, headers: { 'Set-Cookie': [deviceCookie] } };
        const maxAge = (expiresAt.getTime() - Date.now()) / 1000;
        return {
          body: { csrfToken: csrfTokenFor(token), expiresAt: expiresAt.toISOString(), user },
          headers: { 'Set-Cookie': [...sessionCookies(token, maxAge, opts.secureCookies), deviceCookie] },
        };
      },
    }),
    route({
      method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Log out', permissionNote: 'any logged-in user',
      audit: () => 'auth.logout', beforePasswordChange: true,
      responses: { 204: { description: 'the session is revoked and its cookies cleared' } },
      handle: async ({ req }) => {
        await auth.logout(req);
        return { status: 204, body: null, headers: { 'Set-Cookie': clearedCookies(opts.secureCookies) } };
      },
    }),
    route({
      method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'Show the current user', permissionNote: 'any logged-in user',
      beforePasswordChange: true,
      responses: { 200: { description: 'the user', schema: userSchema } },
      handle: async ({ user }) => ({ body: user }),
    }),
    route({
      method: 'post', path: '/api/auth/password', tag: 'auth', summary: 'Change my password', permissionNote: 'any logged-in user',
      body: passwordChangeSchema, audit: () => 'auth.password', beforePasswordChange: true,
      responses: {
        204: { description: 'changed; every other session of the user is revoked' },
        400: { description: 'the current password is wrong, or the new one breaks the password policy' },
        423: { description: 'the account is locked after repeated failures' },
      },
      handle: async ({ req, user, body }) => {
        await auth.changePassword(req, user, body.currentPassword, body.newPassword);
        return { status: 204, body: null };
      },
    }),
  ];
}
