import { route, type Route } from '../http/route';
import { readUpload, spreadsheetBody, uploadRefusals } from '../divisions/spreadsheet';
import { accountListSchema, accountSchema, createUserSchema, importUsersQuery, listUsersQuery, resetPasswordSchema, updateUserSchema, userIdParams, userImportReportSchema } from './schemas';
import type { UserService } from './service';

const notFound = { 404: { description: 'no such user' } };

export function userRoutes(users: UserService): Route[] {
  return [
    route({
      method: 'get', path: '/api/users', tag: 'users', summary: 'List user accounts', permission: 'users.manage',
      query: listUsersQuery,
      responses: { 200: { description: 'a page of accounts', schema: accountListSchema } },
      handle: async ({ query }) => ({ body: await users.list(query) }),
    }),
    route({
      method: 'post', path: '/api/users', tag: 'users', summary: 'Create a user account', permission: 'users.manage',
      body: createUserSchema, audit: () => 'users.create',
      responses: {
        201: { description: 'the account; the user must change the password at first login', schema: accountSchema },
        409: { description: 'the username is taken' },
      },
      handle: async ({ body }) => {
        const account = await users.create(body);
        return { status: 201, body: account, headers: { Location: `/api/users/${account.id}` } };
      },
    }),
    route({
      method: 'post', path: '/api/users/import', tag: 'users', summary: 'Import user accounts from a spreadsheet', permission: 'users.manage',
      query: importUsersQuery, audit: () => 'users.import',
      fileBody: spreadsheetBody('username (用户名), name (姓名), role (角色: a role code or its Chinese name), township (乡镇代码) for township roles, email (邮箱)'),
      responses: {
        200: { description: 'the accounts created (or, with dryRun, that would be), each with its first password, and every rejected row', schema: userImportReportSchema },
        ...uploadRefusals,
      },
      handle: async ({ query, req }) => ({ body: await users.importUsers(await readUpload(req), query.dryRun) }),
    }),
    route({
      method: 'get', path: '/api/users/:id', tag: 'users', summary: 'Show a user account', permission: 'users.manage',
      params: userIdParams,
      responses: { 200: { description: 'the account', schema: accountSchema }, ...notFound },
      handle: async ({ params }) => ({ body: await users.get(params.id) }),
    }),
    route({
      method: 'patch', path: '/api/users/:id', tag: 'users', summary: 'Change or deactivate a user account', permission: 'users.manage',
      params: userIdParams, body: updateUserSchema, audit: () => 'users.update',
      responses: {
        200: { description: 'the account', schema: accountSchema }, ...notFound,
        409: { description: 'an admin may not demote or deactivate themselves' },
      },
      handle: async ({ params, body, user }) => ({ body: await users.update(params.id, body, user) }),
    }),
    route({
      method: 'post', path: '/api/users/:id/password', tag: 'users', summary: 'Reset a user\'s password', permission: 'users.manage',
      params: userIdParams, body: resetPasswordSchema, audit: () => 'users.reset-password',
      responses: { 200: { description: 'the account; its sessions are ended and a new password must be chosen at login', schema: accountSchema }, ...notFound },
      handle: async ({ params, body }) => ({ body: await users.resetPassword(params.id, body.password) }),
    }),
    route({
      method: 'post', path: '/api/users/:id/unlock', tag: 'users', summary: 'Lift a login lockout', permission: 'users.manage',
      params: userIdParams, audit: () => 'users.unlock',
      responses: { 200: { description: 'the account, unlocked', schema: accountSchema }, ...notFound },
      handle: async ({ params }) => ({ body: await users.unlock(params.id) }),
    }),
  ];
}
