import { route, type Route } from '../http/route';
import { bodyIdParams, bodyListSchema, bodySchema, createBodySchema, listBodiesQuery, updateBodySchema } from './schemas';
import type { BodyService } from './service';

export function bodyRoutes(bodies: BodyService): Route[] {
  return [
    route({
      method: 'get', path: '/api/bodies', tag: 'bodies', summary: 'List the bodies cases go to', permission: 'bodies.read',
      query: listBodiesQuery,
      responses: { 200: { description: 'departments, higher bodies and 纪检监察, by kind and name', schema: bodyListSchema } },
      handle: async ({ query }) => ({ body: await bodies.list(query) }),
    }),
    route({
      method: 'post', path: '/api/bodies', tag: 'bodies', summary: 'Add a body', permission: 'bodies.manage',
      body: createBodySchema, audit: () => 'bodies.create',
      responses: { 201: { description: 'the body', schema: bodySchema }, 409: { description: 'a body of that name exists' } },
      handle: async ({ body }) => {
        const b = await bodies.create(body);
        return { status: 201, body: b, headers: { Location: `/api/bodies/${b.id}` } };
      },
    }),
    route({
      method: 'patch', path: '/api/bodies/:id', tag: 'bodies', summary: 'Change or retire a body', permission: 'bodies.manage',
      params: bodyIdParams, body: updateBodySchema, audit: () => 'bodies.update',
      responses: {
        200: { description: 'the body', schema: bodySchema }, 404: { description: 'no such body' },
        409: { description: 'another body has that name' },
      },
      handle: async ({ params, body }) => ({ body: await bodies.update(params.id, body) }),
    }),
  ];
}
