import { route, type Route } from '../http/route';
import { loginResponseSchema, loginSchema, userSchema } from './schemas';
import type { AuthService } from './service';

export function authRoutes(auth: AuthService): Route[] {
  return [
    route({
      method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Log in',
      body: loginSchema,
      responses: { 200: { description: 'a bearer token', schema: loginResponseSchema }, 401: { description: 'wrong username or password' } },
      handle: async ({ body }) => ({ body: await auth.login(body.username, body.password) }),
    }),
    route({
      method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Log out', permissionNote: 'any logged-in user',
      responses: { 204: { description: 'the token is revoked' } },
      handle: async ({ req }) => {
        await auth.logout(req.headers.authorization);
        return { status: 204, body: null };
      },
    }),
    route({
      method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'Show the current user', permissionNote: 'any logged-in user',
      responses: { 200: { description: 'the user', schema: userSchema } },
      handle: async ({ user }) => ({ body: user }),
    }),
  ];
}
